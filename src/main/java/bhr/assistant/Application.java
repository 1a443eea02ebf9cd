package bhr.assistant;

import io.micronaut.runtime.Micronaut;

import java.nio.file.Files;
import java.nio.file.Path;

public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // config/application.yml holds the deployable defaults (CONTRACT.md). Micronaut reads it when named in
        // micronaut.config.files; environment variables still override it.
        Path deployConfig = Path.of("config", "application.yml");
        if (System.getProperty("micronaut.config.files") == null
                && System.getenv("MICRONAUT_CONFIG_FILES") == null
                && Files.isRegularFile(deployConfig)) {
            System.setProperty("micronaut.config.files", deployConfig.toString());
        }
        Micronaut.run(Application.class, args);
    }
}
