package bhr.assistant;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.nio.file.Files;
import java.nio.file.Path;

@OpenAPIDefinition(info = @Info(
        title = "BHR Assistant (Asisten Bisnis dan HAM)",
        version = "0.1.0",
        description = "Answers questions on business and human rights in Indonesia with cited passages; admin API keeps the "
                + "knowledge base current. Admin calls need Authorization: Bearer <ADMIN_TOKEN>."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("migrate-data-dir")) {
            // One command copies a file DATA_DIR into PostgreSQL (README, "Scaling out"); the service does not start.
            System.exit(bhr.assistant.postgres.DataDirectoryMigration.run());
        }
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
