package bhr.assistant.index;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class AnalyzersFactory {

    @Singleton
    Analyzers analyzers() {
        return new Analyzers();
    }
}
