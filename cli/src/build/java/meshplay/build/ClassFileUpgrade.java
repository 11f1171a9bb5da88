package meshplay.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (not part of meshplay): rewrites the class files of a jar that are older than Java 6
 * (major version below 50) as Java 8 class files, with the stack map frames the JVM's type-checking
 * verifier wants. Class data sharing refuses pre-Java-6 classes, and the JVM verifies them with the
 * slow inference verifier at every start; picocli's classes are built that way. The bytecode itself
 * is unchanged. Jars are rewritten in place, atomically; a jar with nothing to upgrade is left alone.
 *
 * Usage: ClassFileUpgrade JAR... (the jars are also the class path for computing frames)
 */
public final class ClassFileUpgrade {
    private static final int JAVA_6 = 50;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        URL[] urls = new URL[args.length];
        for (int i = 0; i < args.length; i++) urls[i] = Path.of(args[i]).toUri().toURL();
        try (URLClassLoader classes = new URLClassLoader(urls, ClassFileUpgrade.class.getClassLoader())) {
            for (String jar : args) {
                int upgraded = upgrade(Path.of(jar), classes);
                System.out.println("class files upgraded to Java 8 in " + Path.of(jar).getFileName() + ": " + upgraded);
            }
        }
    }

    private static int upgrade(Path jar, ClassLoader classes) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int upgraded = 0;
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    bytes = rewrite(bytes, classes);
                    upgraded++;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (upgraded == 0) {
            Files.delete(tmp);
        } else {
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return upgraded;
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] rewrite(byte[] classFile, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
