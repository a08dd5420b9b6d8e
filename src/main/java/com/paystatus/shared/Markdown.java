package com.paystatus.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
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

    /** Messages repeat on every page; a few thousand distinct ones cover every page people read. */
    private static final int CACHE_LIMIT = 2_000;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "strong",
                    "em",
                    "code",
                    "pre",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "hr",
                    "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Cache<String, String> rendered =
            Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

    Markdown() {
        var extensions = List.of(AutolinkExtension.create());
        this.parser = Parser.builder()
                .extensions(extensions)
                .postProcessor(Markdown::belowPageHeadings)
                .build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .softbreak("<br>")
                .build();
    }

    /**
     * A message sits under the page's {@code h1} and a section's {@code h2}: an operator's {@code #}
     * and {@code ##} become {@code h3}, {@code ###} {@code h4} and so on, so headings show as headings
     * and the page's outline skips no level.
     */
    private static Node belowPageHeadings(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, Math.max(3, heading.getLevel() + 1)));
                visitChildren(heading);
            }
        });
        return document;
    }

    /** Safe HTML for the given Markdown; the same text is rendered once (messages repeat on every page). */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered.get(markdown, text -> POLICY.sanitize(renderer.render(parser.parse(text))));
    }
}
