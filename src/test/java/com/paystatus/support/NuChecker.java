package com.paystatus.support;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
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
    private final List<String> errors = new ArrayList<>();
    private final ErrorHandler collect = new ErrorHandler() {
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
    private Object validator; // set up once (its schema takes seconds), then checks each document
    private Method check;

    public NuChecker() throws Exception {
        URL jar = AuditTools.vnuJar().toUri().toURL();
        this.loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    public synchronized List<String> errors(String html) throws Exception {
        errors.clear();
        // its schema walk recurses deeply: run it on a thread with a large stack
        Exception[] failure = new Exception[1];
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        if (validator == null) {
                            Class<?> type =
                                    Class.forName("nu.validator.validation.SimpleDocumentValidator", true, loader);
                            Object created = type.getConstructor().newInstance();
                            type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
                                    .invoke(created, HTML_SCHEMA, collect);
                            type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
                                    .invoke(created, collect, false, false);
                            check = type.getMethod("checkHtmlInputSource", InputSource.class);
                            validator = created;
                        }
                        InputSource source =
                                new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
                        source.setEncoding("UTF-8");
                        check.invoke(validator, source);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                },
                "nu-html-checker",
                64L * 1024 * 1024);
        thread.setContextClassLoader(loader);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return List.copyOf(errors);
    }
}
