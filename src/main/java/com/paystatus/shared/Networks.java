package com.paystatus.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The network a client address belongs to: its /24 for IPv4, its /64 for IPv6. Limits that must not
 * let one attacker hurt everyone count per network (the sign-in throttle, refused tokens, the cap on
 * uncached public requests), since one client usually holds many addresses of one network. Addresses
 * are parsed as literals only, never looked up: anything that is not an address literal stands for
 * itself.
 */
public final class Networks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern BRACKETS_AND_ZONE = Pattern.compile("^\\[|]$|%.*$");

    private Networks() {}

    /** {@code 203.0.113.0/24}, {@code 2001:db8:1:2::/64}; {@code unknown} for no address. */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.trim();
        if (IPV4.matcher(a).matches()) {
            return a.substring(0, a.lastIndexOf('.')) + ".0/24";
        }
        byte[] bytes = ipv6(a);
        if (bytes == null) {
            return a.toLowerCase(Locale.ROOT);
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return prefix + ":/64";
    }

    /** Whether the address is a loopback literal ({@code 127.x.x.x}, {@code ::1}). */
    public static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        if (IPV4.matcher(a).matches()) {
            return a.startsWith("127.");
        }
        byte[] bytes = ipv6(a);
        if (bytes == null) {
            return false;
        }
        try {
            return InetAddress.getByAddress(bytes).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The bytes of an IPv6 literal (with or without brackets and zone), or null when it is none. */
    private static byte[] ipv6(String address) {
        if (address.indexOf(':') < 0) {
            return null;
        }
        String literal = BRACKETS_AND_ZONE.matcher(address).replaceAll("");
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
