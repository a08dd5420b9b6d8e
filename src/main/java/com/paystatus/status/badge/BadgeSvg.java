package com.paystatus.status.badge;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.XmlText;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A badge in the familiar shields style: a grey label on the left, the state in its colour on the
 * right. Written with an XML stream writer, so that any text an operator typed (a channel's name) is
 * escaped. Widths are estimated (CJK characters are twice as wide as Latin ones), as shields does.
 */
final class BadgeSvg {

    static final String LABEL_COLOUR = "#555";

    static final Map<ChannelState, String> COLOURS = Map.of(
            ChannelState.AVAILABLE, "#4c1",
            ChannelState.DEGRADED, "#dfb317",
            ChannelState.MAINTENANCE, "#007ec6",
            ChannelState.COMPLIANCE_REVIEW, "#fe7d37",
            ChannelState.UNAVAILABLE, "#e05d44");

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private BadgeSvg() {}

    static String render(String rawLabel, String rawMessage, ChannelState state) {
        // the label is an operator's text; neither may hold what XML cannot carry
        String label = XmlText.legal(rawLabel);
        String message = XmlText.legal(rawMessage);
        int labelWidth = textWidth(label) + 10;
        int messageWidth = textWidth(message) + 10;
        int width = labelWidth + messageWidth;
        String colour = COLOURS.get(state);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter svg = XML.createXMLStreamWriter(out);
            svg.writeStartDocument("UTF-8", "1.0");
            svg.setDefaultNamespace(SVG);
            svg.writeStartElement(SVG, "svg");
            svg.writeDefaultNamespace(SVG);
            svg.writeAttribute("width", Integer.toString(width));
            svg.writeAttribute("height", "20");
            svg.writeAttribute("role", "img");
            svg.writeAttribute("aria-label", label + ": " + message);
            element(svg, "title", label + ": " + message);

            svg.writeStartElement(SVG, "linearGradient");
            svg.writeAttribute("id", "s");
            svg.writeAttribute("x2", "0");
            svg.writeAttribute("y2", "100%");
            stop(svg, "0", "#bbb", ".1");
            stop(svg, "1", null, ".1");
            svg.writeEndElement();

            svg.writeStartElement(SVG, "clipPath");
            svg.writeAttribute("id", "r");
            rect(svg, 0, width, "#fff", "3");
            svg.writeEndElement();

            svg.writeStartElement(SVG, "g");
            svg.writeAttribute("clip-path", "url(#r)");
            rect(svg, 0, labelWidth, LABEL_COLOUR, null);
            rect(svg, labelWidth, messageWidth, colour, null);
            svg.writeEmptyElement(SVG, "rect");
            svg.writeAttribute("width", Integer.toString(width));
            svg.writeAttribute("height", "20");
            svg.writeAttribute("fill", "url(#s)");
            svg.writeEndElement();

            svg.writeStartElement(SVG, "g");
            svg.writeAttribute("fill", "#fff");
            svg.writeAttribute("text-anchor", "middle");
            svg.writeAttribute("font-family", "Verdana,Geneva,DejaVu Sans,Noto Sans CJK SC,Microsoft YaHei,sans-serif");
            svg.writeAttribute("font-size", "11");
            text(svg, labelWidth / 2.0, label);
            text(svg, labelWidth + messageWidth / 2.0, message);
            svg.writeEndElement();

            svg.writeEndElement();
            svg.writeEndDocument();
            svg.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a badge", e);
        }
        return out.toString();
    }

    /** Verdana 11px: about 7px for a Latin character, 12px for a CJK one. */
    static int textWidth(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 12 : 7).sum();
    }

    private static void element(XMLStreamWriter svg, String name, String text) throws XMLStreamException {
        svg.writeStartElement(SVG, name);
        svg.writeCharacters(text);
        svg.writeEndElement();
    }

    private static void stop(XMLStreamWriter svg, String offset, String colour, String opacity)
            throws XMLStreamException {
        svg.writeEmptyElement(SVG, "stop");
        svg.writeAttribute("offset", offset);
        if (colour != null) {
            svg.writeAttribute("stop-color", colour);
        }
        svg.writeAttribute("stop-opacity", opacity);
    }

    private static void rect(XMLStreamWriter svg, int x, int width, String fill, String rx) throws XMLStreamException {
        svg.writeEmptyElement(SVG, "rect");
        if (x > 0) {
            svg.writeAttribute("x", Integer.toString(x));
        }
        svg.writeAttribute("width", Integer.toString(width));
        svg.writeAttribute("height", "20");
        if (rx != null) {
            svg.writeAttribute("rx", rx);
        }
        svg.writeAttribute("fill", fill);
    }

    private static void text(XMLStreamWriter svg, double x, String text) throws XMLStreamException {
        String cx = String.format(Locale.ROOT, "%.1f", x);
        svg.writeStartElement(SVG, "text");
        svg.writeAttribute("x", cx);
        svg.writeAttribute("y", "15");
        svg.writeAttribute("fill", "#010101");
        svg.writeAttribute("fill-opacity", ".3");
        svg.writeCharacters(text);
        svg.writeEndElement();
        svg.writeStartElement(SVG, "text");
        svg.writeAttribute("x", cx);
        svg.writeAttribute("y", "14");
        svg.writeCharacters(text);
        svg.writeEndElement();
    }
}
