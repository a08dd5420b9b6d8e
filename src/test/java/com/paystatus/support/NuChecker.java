package com.paystatus.support;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the W3C's validator) in this JVM, from its own jar in a class loader of its
 * own: on the test classpath its libraries would clash with ours. It reads the HTML given, never a
 * URL (it refuses loopback addresses), and answers its errors as "line:column message".
 */
public final class NuChecker {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final ClassLoader loader;

    public NuChecker() throws Exception {
        URL jar = AuditTools.vnuJar().toUri().toURL();
        this.loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    public List<String> errors(String html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        // its schema walk recurses deeply: run it on a thread with a large stack
        Exception[] failure = new Exception[1];
        Thread check = new Thread(
                null,
                () -> {
                    try {
                        Class<?> type = Class.forName("nu.validator.validation.SimpleDocumentValidator", true, loader);
                        Object validator = type.getConstructor().newInstance();
                        type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
                                .invoke(validator, HTML_SCHEMA, collect);
                        type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
                                .invoke(validator, collect, false, false);
                        InputSource source =
                                new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
                        source.setEncoding("UTF-8");
                        type.getMethod("checkHtmlInputSource", InputSource.class)
                                .invoke(validator, source);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                },
                "nu-html-checker",
                64L * 1024 * 1024);
        check.setContextClassLoader(loader);
        check.start();
        check.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return errors;
    }
}
