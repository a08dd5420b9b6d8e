package com.paystatus.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PNG QR codes of shareable links, made with ZXing, so support staff can show a customer the page
 * on another screen. Each link's image is made once; only links of existing pages are asked for.
 */
@Component
class QrCodes {

    private static final int SIZE = 240;
    /** About 5,000 links' images; a flood of made-up links cannot grow it (only existing pages ask). */
    private static final long CACHE_BYTES = 8L * 1024 * 1024;

    private final Cache<String, byte[]> images = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .<String, byte[]>weigher((url, png) -> png.length)
            .build();

    byte[] png(String url) {
        return images.get(url, QrCodes::render);
    }

    private static byte[] render(String url) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            SIZE,
                            SIZE,
                            Map.of(
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name(),
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
