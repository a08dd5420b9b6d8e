package com.paystatus.status.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Large kept pages also live in a temporary file, so that Tomcat can send them with sendfile as nginx
 * sends a static file. A replaced page's file is deleted a while later, once no send can still be
 * reading it. If files cannot be written, pages are simply served from memory.
 */
final class PageFiles {

    private static final Logger log = LoggerFactory.getLogger(PageFiles.class);
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Map<Path, Long> retired = new ConcurrentHashMap<>();
    private volatile Path directory;
    private volatile boolean broken;

    CachedPage keep(CachedPage page) {
        if (broken || page.identity().length < CachedPage.SENDFILE_MIN_BYTES) {
            return page;
        }
        try {
            Path file = Files.createTempFile(directory(), "page-", ".bin");
            Files.write(file, page.identity());
            return page.withFile(file);
        } catch (IOException | RuntimeException e) {
            broken = true;
            log.warn("Cannot keep pages in files, serving them from memory: {}", e.toString());
            return page;
        }
    }

    /** The page is no longer served; its file goes once the sends that may be reading it are done. */
    void retire(CachedPage page) {
        long now = System.nanoTime();
        if (page != null && page.file() != null) {
            retired.put(page.file(), now);
        }
        for (Iterator<Map.Entry<Path, Long>> it = retired.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Long> entry = it.next();
            if (now - entry.getValue() > GRACE_NANOS) {
                try {
                    Files.deleteIfExists(entry.getKey());
                } catch (IOException e) {
                    log.debug("Could not delete {}", entry.getKey(), e);
                }
                it.remove();
            }
        }
    }

    /** On shutdown: the directory and every file in it go (the JVM is not asked to remember each file). */
    void deleteAll() {
        Path dir = directory;
        if (dir != null) {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    private Path directory() throws IOException {
        if (directory == null) {
            synchronized (this) {
                if (directory == null) {
                    directory = Files.createTempDirectory("paystatus-pages-");
                }
            }
        }
        return directory;
    }
}
