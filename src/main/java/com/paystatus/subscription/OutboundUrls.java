package com.paystatus.subscription;

import com.paystatus.shared.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The one guard on addresses we send to (webhooks, later group robots), against requests forged into our
 * own network (SSRF): {@code https} only, a host that resolves, and none of its addresses private,
 * loopback, link-local, multicast or unspecified. With {@code paystatus.notify.allow-private-targets}
 * (tests, private networks) any address is allowed, and plain {@code http} to loopback. Checked when the
 * endpoint is added and again before every send, since what a name resolves to may change.
 */
final class OutboundUrls {

    static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;

    OutboundUrls(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL, checked; an {@link InvalidInputException} on {@code field} naming why it is refused. */
    URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "validation.tooLong");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "validation.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, "validation.url");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivate)) {
            throw new InvalidInputException(field, "validation.url.https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException(field, "validation.url.unknownHost", uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (scheme.equals("http") && !address.isLoopbackAddress()) {
                throw new InvalidInputException(field, "validation.url.https");
            }
            if (!allowPrivate && isInternal(address)) {
                throw new InvalidInputException(field, "validation.url.private", uri.getHost());
            }
        }
        return uri;
    }

    /** Loopback, private, link-local, multicast, unspecified, shared (100.64/10) or unique-local (fc00::/7). */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
