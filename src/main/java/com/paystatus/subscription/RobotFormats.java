package com.paystatus.subscription;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link RobotMessage} in each vendor's own message format, built with Jackson:
 *
 * <ul>
 *   <li>WeCom: {@code msgtype: markdown} (群机器人配置说明: https://developer.work.weixin.qq.com/document/path/91770),
 *       content at most 4096 bytes;
 *   <li>DingTalk: {@code msgtype: actionCard} with one button to the page (自定义机器人发送消息的消息类型:
 *       https://open.dingtalk.com/document/orgapp/custom-bot-send-message-type);
 *   <li>Feishu: {@code msg_type: interactive}, a card with a header, a Markdown element and a button
 *       (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 * </ul>
 */
final class RobotFormats {

    /** WeCom refuses a markdown content over 4096 bytes of UTF-8. */
    static final int WECOM_MAX_BYTES = 4096;

    /** DingTalk and Feishu take far more; this keeps one message readable in a chat. */
    static final int OTHER_MAX_BYTES = 8000;

    private final JsonMapper json;
    private final MessageSource messages;

    RobotFormats(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    ObjectNode body(RobotType type, RobotMessage message) {
        return switch (type) {
            case WECOM -> weCom(message);
            case DINGTALK -> dingTalk(message);
            case FEISHU -> feishu(message);
        };
    }

    private ObjectNode weCom(RobotMessage message) {
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "markdown");
        String link = "\n\n[" + details(message) + "](" + message.link() + ")";
        String head = "### " + message.title() + "\n";
        int room = WECOM_MAX_BYTES - bytes(head) - bytes(link);
        body.putObject("markdown").put("content", head + clip(message.markdown(), room) + link);
        return body;
    }

    private ObjectNode dingTalk(RobotMessage message) {
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "actionCard");
        ObjectNode card = body.putObject("actionCard");
        card.put("title", message.title());
        card.put("text", "### " + message.title() + "\n\n" + clip(message.markdown(), OTHER_MAX_BYTES));
        card.put("btnOrientation", "0");
        card.put("singleTitle", details(message));
        card.put("singleURL", message.link());
        return body;
    }

    private ObjectNode feishu(RobotMessage message) {
        ObjectNode body = json.createObjectNode();
        body.put("msg_type", "interactive");
        ObjectNode card = body.putObject("card");
        card.putObject("config").put("wide_screen_mode", true);
        ObjectNode header = card.putObject("header");
        header.putObject("title").put("tag", "plain_text").put("content", message.title());
        header.put("template", "blue");
        var elements = card.putArray("elements");
        elements.addObject().put("tag", "markdown").put("content", clip(message.markdown(), OTHER_MAX_BYTES));
        ObjectNode button =
                elements.addObject().put("tag", "action").putArray("actions").addObject();
        button.put("tag", "button").put("type", "primary").put("url", message.link());
        button.putObject("text").put("tag", "plain_text").put("content", details(message));
        return body;
    }

    private String details(RobotMessage message) {
        return messages.getMessage("robot.details", null, message.locale());
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text cut to at most {@code max} bytes of UTF-8, never inside a character, with an ellipsis when cut. */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (bytes(text) <= max) {
            return text;
        }
        String ellipsis = "…";
        int budget = Math.max(0, max - bytes(ellipsis));
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return kept + ellipsis;
    }
}
