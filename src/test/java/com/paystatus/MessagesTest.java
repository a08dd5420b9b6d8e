package com.paystatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeStatus;
import com.paystatus.shared.Coded;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible word exists in Chinese and English, and every key a page or the vocabulary uses is there. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(en).as("keys only in Chinese").containsAll(zh);
        assertThat(zh).as("keys only in English").containsAll(en);
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties zh = load("messages.properties");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStateKindAndStatusHasItsWords() throws IOException {
        for (Properties bundle : List.of(load("messages.properties"), load("messages_en.properties"))) {
            for (Coded state : ChannelState.values()) {
                assertThat(bundle).containsKey("channel.state." + state.code());
                assertThat(bundle).containsKey("reply.state." + state.code());
            }
            for (Coded kind : NoticeKind.values()) {
                assertThat(bundle).containsKey("notice.kind." + kind.code());
                assertThat(bundle).containsKey("reply.kind." + kind.code());
            }
            for (Coded status : NoticeStatus.values()) {
                assertThat(bundle).containsKey("notice.status." + status.code());
            }
        }
    }

    @Test
    void theVocabularyReadsAsTheDesignSays() throws IOException {
        Properties zh = load("messages.properties");
        assertThat(zh.getProperty("channel.state.unavailable")).isEqualTo("暂不能使用");
        assertThat(zh.getProperty("channel.state.compliance_review")).isEqualTo("合规审查中");
        assertThat(zh.getProperty("notice.kind.fault")).isEqualTo("技术故障");
        assertThat(zh.getProperty("eta.unknown")).isEqualTo("恢复时间待定");
    }
}
