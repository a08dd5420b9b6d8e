package com.paystatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a page shows comes from the message bundles, in the style of spring-petclinic's
 * {@code I18nPropertiesSyncTest}: no literal text or words in {@code title}, {@code alt},
 * {@code placeholder} or {@code aria-label} that no {@code th:*} attribute replaces, no CJK text or
 * punctuation in templates or in Java strings (demo data aside), and no key that nothing uses. The
 * prototype text inside an element whose body {@code th:text} (and the like) replaces is allowed:
 * it is what the template shows when opened as a file. {@link MessagesTest} checks that both
 * languages have the same keys.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");

    /** Keys built at run time from a prefix and a code, a field name or a Spring error code. */
    private static final List<String> DYNAMIC_PREFIXES = List.of(
            "channel.state.",
            "reply.state.",
            "reply.kind.",
            "notice.kind.",
            "notice.status.",
            "maintenance.status.",
            "maintenance.action.",
            "field.",
            "typeMismatch",
            "audit.action.",
            "role.",
            "problem.status.",
            "time.relative.",
            "maintenance.window.");

    /**
     * Keys made of a stem the code names and a suffix: a page's wording of a domain rule ({@code
     * <key>.form}, see Commands), an error page's title and text (PublicErrors).
     */
    private static final List<String> DYNAMIC_SUFFIXES = List.of(".form", ".title", ".text");

    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<!DOCTYPE[^>]*>|<(/?)([a-zA-Z][\\w:.-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*(/?)>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([^\\s=>/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> BODY_SETTERS =
            Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:field", "th:errors", "th:inline");
    private static final List<String> TEXT_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static boolean hasWords(String text) {
        String plain = text.replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
        return plain.codePoints().anyMatch(Character::isLetter)
                || CJK.matcher(plain).find();
    }

    /** Finds, in one template, text a reader would see that no message produced. */
    static List<String> literals(String name, String html) {
        List<String> found = new ArrayList<>();
        Deque<Boolean> replaced = new ArrayDeque<>(); // per open element: is its body produced by th:*?
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        int last = 0;
        while (m.find()) {
            String text = html.substring(last, m.start());
            last = m.end();
            boolean inReplaced = replaced.contains(true);
            boolean inCode = open.contains("script") || open.contains("style");
            if (!inReplaced && !inCode && hasWords(text)) {
                found.add(name + ": text \"" + text.strip() + "\"");
            }
            if (m.group(2) == null) {
                continue; // a comment or the doctype
            }
            String tag = m.group(2).toLowerCase();
            if (!m.group(1).isEmpty()) {
                while (!open.isEmpty()) {
                    replaced.pop();
                    if (open.pop().equals(tag)) {
                        break;
                    }
                }
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                attributes.put(a.group(1).toLowerCase(), value == null ? "" : value);
            }
            attributes.forEach((attribute, value) -> {
                if (attribute.startsWith("th:")) {
                    if (CJK.matcher(value).find()) {
                        found.add(name + ": <" + tag + " " + attribute + "> has CJK text: " + value);
                    }
                } else if (!attributes.containsKey("th:" + attribute)
                        && !attributes.containsKey("th:attr")
                        && !inReplaced
                        && (TEXT_ATTRIBUTES.contains(attribute) && hasWords(value)
                                || CJK.matcher(value).find())) {
                    found.add(name + ": <" + tag + " " + attribute + "=\"" + value + "\">");
                }
            });
            if (!VOID.contains(tag) && m.group(4).isEmpty()) {
                open.push(tag);
                replaced.push(attributes.keySet().stream().anyMatch(BODY_SETTERS::contains));
            }
        }
        String tail = html.substring(last);
        if (hasWords(tail)) {
            found.add(name + ": text \"" + tail.strip() + "\"");
        }
        return found;
    }

    @Test
    void templatesShowNoTextThatIsNotAMessage() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            found.addAll(literals(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckCatchesLiteralsAndPunctuationAndLetsPrototypeTextBe() {
        assertThat(literals("t", "<p>Hello</p>")).hasSize(1);
        assertThat(literals("t", "<p><span th:text=\"#{a}\">你好</span>·<b>、</b></p>"))
                .hasSize(1);
        assertThat(literals("t", "<img src=\"x\" alt=\"a badge\">")).hasSize(1);
        assertThat(literals("t", "<img src=\"x\" th:alt=\"#{badge.label}\" alt=\"a badge\">"))
                .isEmpty();
        assertThat(literals("t", "<span th:text=\"${a} + '、'\">x</span>")).hasSize(1);
        assertThat(literals("t", "<div th:text=\"#{a}\"><p>原型文字</p></div><i> · </i>"))
                .isEmpty();
    }

    @Test
    void javaHoldsNoChineseStringsOutsideTheDemoData() throws IOException {
        Pattern cjkString = Pattern.compile("\"[^\"\\n]*[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef][^\"\\n]*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.getFileName().toString().startsWith("Demo")) {
                    continue; // the channels and templates a fresh install starts with are Chinese data
                }
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    int comment = code.indexOf("//");
                    Matcher m = cjkString.matcher(comment >= 0 ? code.substring(0, comment) : code);
                    if (m.find()) {
                        found.add(JAVA.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyKeyIsUsedSomewhere() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (Path template : templates()) {
            sources.append(Files.readString(template)).append('\n');
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(file)).append('\n');
            }
        }
        String all = sources.toString();
        Set<String> unused = new TreeSet<>();
        for (String key : load("messages.properties").stringPropertyNames()) {
            boolean dynamic = DYNAMIC_PREFIXES.stream().anyMatch(key::startsWith)
                    || DYNAMIC_SUFFIXES.stream()
                            .anyMatch(s -> key.endsWith(s)
                                    && all.contains("\"" + key.substring(0, key.length() - s.length()) + "\""));
            boolean named = all.contains("\"" + key + "\"")
                    || all.contains("'" + key + "'")
                    || all.contains("#{" + key + "}")
                    || all.contains("#{" + key + "(")
                    || all.contains("{" + key + "}");
            if (!dynamic && !named) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys nothing uses").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TemplateTextTest.class.getResourceAsStream("/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
