package io.rolecall.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-decoding of a path segment: {@code %XX} becomes its byte and the bytes are UTF-8; a {@code +} stays
 * a plus (it means a space only in form-encoded queries). A malformed escape or invalid UTF-8 is a 400 naming where.
 */
final class PercentDecoding {
  private PercentDecoding() {}

  static String segment(String raw, String where) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    var bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw new ApiException(400, where + ": malformed percent-encoding (expected %XX with two hex digits)");
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(400, where + ": percent-encoding is not UTF-8");
    }
  }

  /** A form-encoded query value or name: {@code +} is a space, then as {@link #segment}. */
  static String query(String raw, String where) {
    return segment(raw.replace('+', ' '), where);
  }
}
