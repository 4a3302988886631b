package io.rolecall.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Removes the aws-chunked framing S3 clients use for streaming uploads
 * ({@code <hex-size>[;chunk-signature=...]\r\n<data>\r\n ... 0...\r\n[trailers]\r\n}).
 * Chunk signatures and trailing checksums are not verified (a documented sandbox simplification);
 * the seed signature in the Authorization header is.
 */
public final class AwsChunked {
  private AwsChunked() {}

  static boolean isChunked(Request r) {
    String encoding = r.header("content-encoding");
    String sha = r.header("x-amz-content-sha256");
    return (encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING-"));
  }

  public static byte[] decode(byte[] framed) throws IOException {
    var out = new ByteArrayOutputStream(framed.length);
    int pos = 0;
    while (pos < framed.length) {
      int eol = indexOfCrlf(framed, pos);
      if (eol < 0) throw new IOException("aws-chunked: chunk header without CRLF");
      String header = new String(framed, pos, eol - pos, StandardCharsets.US_ASCII);
      int semi = header.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? header : header.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("aws-chunked: bad chunk size '" + header + "'");
      }
      pos = eol + 2;
      if (size == 0) break; // what follows is trailers, which we do not need
      if (pos + size > framed.length) throw new IOException("aws-chunked: truncated chunk");
      out.write(framed, pos, size);
      pos += size + 2; // data, then CRLF
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
    return -1;
  }
}
