package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import meshplay.engine.lang.Json;

class RedactorTest {
    @Test
    void masksSecretValuesAsTextAndInsideJsonStringsAcrossSplitWrites() throws Exception {
        Redactor r = new Redactor();
        r.add(Map.of("a", "pa\"ss\\word", "b", List.of("tok-123456", "no")));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = r.wrap(sink);
        String text = "plain pa\"ss\\word here\n" + Json.write(Map.of("msg", "x pa\"ss\\word y"), Json.COMPACT) + "\npartial tok-1";
        out.write(text.getBytes(StandardCharsets.UTF_8), 0, 30);
        out.write(text.substring(30).getBytes(StandardCharsets.UTF_8));
        out.write("23456 no\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals("plain ******** here\n{\"msg\":\"x ******** y\"}\npartial ******** no\n", sink.toString(StandardCharsets.UTF_8));
    }
}
