package com.paystatus.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Operators may write messages in Markdown; readers get safe HTML. Raw HTML in the text is escaped
 * by the parser, and what it renders passes an allow-list sanitiser as well: no script, no event
 * handler, no {@code javascript:} link and no markup of the operator's own reaches a page. Templates
 * call it as {@code markdown} (a model attribute, see {@code PageModel}).
 */
@Component
public class Markdown {

    private static final int CACHE_LIMIT = 2_000;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "h3", "h4", "hr", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    Markdown() {
        var extensions = List.of(AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .softbreak("<br>")
                .build();
    }

    /** Safe HTML for the given Markdown; the same text is rendered once (messages repeat on every page). */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = rendered.get(markdown);
        if (html == null) {
            html = POLICY.sanitize(renderer.render(parser.parse(markdown)));
            if (rendered.size() >= CACHE_LIMIT) {
                rendered.clear();
            }
            rendered.put(markdown, html);
        }
        return html;
    }
}
