package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import meshplay.engine.lang.Json;
import meshplay.engine.vault.RevealedValues;
import org.junit.jupiter.api.Test;

/** Redactor's masking rules: JSON-escaped forms, whole words only, multi-line secrets. */
class RedactorMaskingTest {
    @Test
    void masksSecretsAsWrittenAndInsideJsonStrings() throws Exception {
        RevealedValues secrets = new RevealedValues();
        secrets.add("pa\"ss\\word");
        secrets.add("abc"); // too short to mask: it would hide ordinary words
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new Redactor(secrets).wrap(sink);
        out.write("raw pa\"ss".getBytes(StandardCharsets.UTF_8));
        out.write("\\word and abc; ".getBytes(StandardCharsets.UTF_8));
        out.write(Json.write(java.util.Map.of("msg", "pa\"ss\\word"), Json.COMPACT).getBytes(StandardCharsets.UTF_8));
        assertEquals("", sink.toString(StandardCharsets.UTF_8), "nothing leaves before a line ends or a flush: a secret may be split between writes");
        out.flush();
        assertEquals("raw ******** and abc; {\"msg\":\"********\"}", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretWordInsideALongerWordIsLeftAlone() {
        RevealedValues secrets = new RevealedValues();
        secrets.add("local");
        secrets.add("s3cret");
        assertEquals("ok: [localhost] ******** url=db://u:********@h x-********-y", Redactor.mask("ok: [localhost] local url=db://u:s3cret@h x-s3cret-y", secrets));
    }

    @Test
    void multiLineSecretsAreMaskedLineByLineInDiffs() {
        RevealedValues secrets = new RevealedValues();
        secrets.add("first line\nsecond line\n");
        assertEquals("+******** \n+********", Redactor.mask("+first line \n+second line", secrets));
    }
}
