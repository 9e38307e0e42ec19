package demo.audit;

import org.eclipse.microprofile.reactive.messaging.Incoming;

public class Audit {
    @Incoming("fights")
    public void onFight(String fight) {
    }
}
