package meshplay.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The meshplay installation directory: MESHPLAY_HOME, else found from the jar (cli/target/meshplay.jar). */
final class Home {
    private Home() {
    }

    static Path find() {
        String env = System.getenv("MESHPLAY_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // cli/target/meshplay.jar or cli/target/classes -> the repository root
            Path dir = jar.getParent();
            for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("engine"))) return dir;
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
