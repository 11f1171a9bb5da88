package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import meshplay.engine.vault.RevealedValues;
import org.junit.jupiter.api.Test;

class SecretMaskingWriterTest {
    @Test
    void masksSecretsAsWrittenAndInsideJsonStrings() {
        RevealedValues secrets = new RevealedValues();
        secrets.add("pa\"ss\\word");
        secrets.add("abc"); // too short to mask: it would hide ordinary words
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(new SecretMaskingWriter(sink, secrets));
        out.print("raw pa\"ss");
        out.print("\\word and abc; ");
        out.print(Json.write(java.util.Map.of("msg", "pa\"ss\\word")));
        assertEquals("", sink.toString(), "nothing leaves before a flush: a secret may be split between writes");
        out.flush();
        assertEquals("raw ******** and abc; {\"msg\":\"********\"}", sink.toString());
    }

    @Test
    void aSecretWordInsideALongerWordIsLeftAlone() {
        RevealedValues secrets = new RevealedValues();
        secrets.add("local");
        secrets.add("s3cret");
        assertEquals("ok: [localhost] ******** url=db://u:********@h x-********-y", SecretMaskingWriter.mask("ok: [localhost] local url=db://u:s3cret@h x-s3cret-y", secrets));
    }

    @Test
    void multiLineSecretsAreMaskedLineByLineInDiffs() {
        RevealedValues secrets = new RevealedValues();
        secrets.add("first line\nsecond line\n");
        assertEquals("+******** \n+********", SecretMaskingWriter.mask("+first line \n+second line", secrets));
    }
}
