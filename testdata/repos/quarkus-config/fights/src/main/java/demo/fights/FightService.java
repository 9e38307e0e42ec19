package demo.fights;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.rest.client.inject.RestClient;

public class FightService {
    private final HeroClient heroes;
    private final Emitter<String> emitter;

    public FightService(@RestClient HeroClient heroes, @Channel("fights") Emitter<String> emitter) {
        this.heroes = heroes;
        this.emitter = emitter;
    }

    public void fight() {
        emitter.send(heroes.randomHero());
    }
}
