package demo.stats;

import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

public class Stats {
    static final String FIGHTS = "fights";

    @Channel("team-stats")
    Multi<String> teamStats;

    @Incoming(FIGHTS)
    public void onFight(String fight) {
    }
}
