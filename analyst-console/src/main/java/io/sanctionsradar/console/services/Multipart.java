package io.sanctionsradar.console.services;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body (RFC 7578) of text fields and files, for the services' upload endpoints. */
final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart(String boundary) {
        this.boundary = boundary;
    }

    void field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n"
                + value + "\r\n");
    }

    void file(String name, String fileName, byte[] content) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                + quoted(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        text("\r\n");
    }

    byte[] bytes() {
        text("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
