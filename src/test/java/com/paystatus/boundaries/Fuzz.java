package com.paystatus.boundaries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random values of every shape a careless script or an attacker might send in place of a field:
 * Unicode from every corner (controls, surrogate halves, non-characters, right-to-left marks,
 * combining marks, emoji, CJK), texts far over every limit, extreme numbers, times a billion years
 * away or in 1900, and values of the wrong JSON type. Seeded, so a failure can be replayed.
 */
final class Fuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final Instant now;

    Fuzz(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Any JSON value at all, biased toward texts and times, the fields that broke pages before. */
    JsonNode value() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> NODES.stringNode(text());
            case 4, 5 -> NODES.stringNode(time());
            case 6 -> number();
            case 7 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(random.nextBoolean() ? NODES.stringNode(text()) : number());
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                object.put(text(), text());
                yield object;
            }
        };
    }

    JsonNode number() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(Long.MAX_VALUE);
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(2147483648L);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(1.5);
            case 5 -> NODES.numberNode(Double.MAX_VALUE);
            case 6 -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40)));
            default -> NODES.numberNode(random.nextInt(20000) - 10000);
        };
    }

    /** A time as text: honest ones near now, far-off years, the wrong format, or no time at all. */
    String time() {
        return switch (random.nextInt(9)) {
            case 0 ->
                now.plus(1 + random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES).toString();
            case 1 -> now.minus(random.nextInt(1000), ChronoUnit.MINUTES).toString();
            case 2 -> "+1000000000-12-31T23:59:59Z";
            case 3 -> "-999999999-01-01T00:00:00Z";
            case 4 -> "+" + (10000 + random.nextInt(999_990_000)) + "-06-01T00:00:00Z";
            case 5 -> "1900-01-01T00:00:00Z";
            case 6 -> "2026-13-45T25:61:61+99:00";
            case 7 -> now.plus(366 + random.nextInt(1000), ChronoUnit.DAYS).toString();
            default -> text();
        };
    }

    /** A text of some length, each character drawn from one of several families. */
    String text() {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(3);
            case 2, 3, 4, 5 -> 1 + random.nextInt(40);
            case 6, 7 -> 100 + random.nextInt(300);
            case 8 -> 1900 + random.nextInt(300);
            default -> 9000 + random.nextInt(2000);
        };
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.appendCodePoint(codePoint());
        }
        if (random.nextInt(4) == 0 && text.length() > 0) {
            text.setCharAt(random.nextInt(text.length()), (char) (0xD800 + random.nextInt(0x800))); // lone half
        }
        return text.toString();
    }

    private int codePoint() {
        return switch (random.nextInt(12)) {
            case 0 -> random.nextInt(0x20); // C0 controls, tab and line breaks among them
            case 1 -> 0x7F + random.nextInt(0x21); // DEL and C1 controls
            case 2 -> pick(List.of(0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFF, 0x10FFFF, 0xFEFF, 0x200B));
            case 3 -> pick(List.of(0x202E, 0x202D, 0x200F, 0x2066, 0x0301, 0x0336, 0x20DD)); // bidi, combining
            case 4 -> 0x1F300 + random.nextInt(0x300); // emoji
            case 5, 6 -> 0x4E00 + random.nextInt(0x5000); // CJK
            case 7 -> pick(List.of((int) '<', (int) '>', (int) '&', (int) '"', (int) '\'', (int) '\\', (int) '%'));
            default -> 0x20 + random.nextInt(0x5F); // printable ASCII
        };
    }
}
