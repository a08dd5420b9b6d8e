package com.paystatus.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm audit tools of {@code src/test/page-audits} (axe-core, Lighthouse, the Nu HTML Checker's
 * jar), installed with {@code npm ci} into {@code target/page-audits} the first time a test needs
 * them, and again only when our lock file changed (a later run skips the ~30 s install). They run only with {@code -Dpaystatus.page-audits=required} (as CI runs them), and then a
 * missing Node or a failed install fails; without it the audits are reported as skipped.
 */
public final class AuditTools {

    private static final Path SOURCE = Path.of("src/test/page-audits");
    public static final Path HOME = Path.of("target/page-audits");

    private AuditTools() {}

    /** The installed tools' folder, installing them first when needed. */
    public static synchronized Path installed() {
        String wanted = System.getProperty("paystatus.page-audits", "");
        if (!wanted.equals("required")) {
            Assumptions.abort("Page audits run with -Dpaystatus.page-audits=required (they install npm tools)");
        }
        if (upToDate()) {
            return HOME;
        }
        String problem = install();
        if (problem != null) {
            if ("required".equals(System.getProperty("paystatus.page-audits"))) {
                fail("The page audits are required, but " + problem);
            }
            Assumptions.abort(problem);
        }
        return HOME;
    }

    /**
     * Whether {@code target/page-audits} already holds the tools at the versions the lock file names:
     * the lock file that was installed equals ours, and npm wrote its own record of the install.
     */
    private static boolean upToDate() {
        try {
            Path installedLock = HOME.resolve("package-lock.json");
            return Files.isRegularFile(installedLock)
                    && Files.mismatch(installedLock, SOURCE.resolve("package-lock.json")) == -1
                    && Files.isRegularFile(HOME.resolve("node_modules/.package-lock.json"))
                    && Files.isDirectory(HOME.resolve("node_modules/axe-core"))
                    && Files.isDirectory(HOME.resolve("node_modules/lighthouse"))
                    && Files.isRegularFile(vnuJar());
        } catch (IOException e) {
            return false;
        }
    }

    public static Path vnuJar() {
        return HOME.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
    }

    public static Path axe() {
        return HOME.resolve("node_modules/axe-core/axe.min.js");
    }

    private static String install() {
        try {
            Files.createDirectories(HOME);
            for (String name : new String[] {"package.json", "package-lock.json", "lighthouse.mjs"}) {
                Files.copy(SOURCE.resolve(name), HOME.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", HOME.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm-ci.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                return "npm ci --prefix " + HOME + " failed (see " + HOME.resolve("npm-ci.log") + ")";
            }
            return null;
        } catch (IOException e) {
            return "npm could not be run (" + e.getMessage() + "): install nodejs and npm";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while installing";
        }
    }

    /** Refreshes the lighthouse script in the installed folder (it is ours, not npm's). */
    public static File lighthouseScript() throws IOException {
        Path script = installed().resolve("lighthouse.mjs");
        Files.copy(SOURCE.resolve("lighthouse.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        return script.toFile();
    }
}
