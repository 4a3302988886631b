import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (run by Maven in rolecall-cli's package phase, with the JDK's source launcher):
 * rewrites the class files in a jar that predate Java 6 (picocli ships Java 5 bytecode) as Java 8
 * class files with stack maps, behaviour unchanged. The JDK's ahead-of-time cache refuses pre-Java-6
 * classes ("Old class has been linked"), and picocli is on every command's start-up path, so
 * without this its ~230 classes are loaded and verified from scratch on every run.
 *
 * Usage: java UpgradeOldClassFiles.java JAR   (rewrites JAR in place)
 */
public final class UpgradeOldClassFiles {
  private static final int JAVA_6 = 50;
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path out = jar.resolveSibling(jar.getFileName() + ".upgrading");
    // Stack maps need the class hierarchy: the JDK's own classes, then the jar's.
    var jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    var resolver = ClassHierarchyResolver.defaultResolver()
        .orElse(ClassHierarchyResolver.ofResourceParsing(jarLoader)).cached();
    var classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
        ClassFile.ClassHierarchyResolverOption.of(resolver));
    int upgraded = 0;
    try (InputStream raw = Files.newInputStream(jar); var in = new ZipInputStream(raw);
         OutputStream rawOut = Files.newOutputStream(out); var zip = new ZipOutputStream(rawOut)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
          var model = classFile.parse(bytes);
          if (model.majorVersion() < JAVA_6) {
            bytes = classFile.build(model.thisClass().asSymbol(), builder -> {
              builder.withVersion(JAVA_8, 0);
              for (ClassElement element : model) {
                if (element instanceof MethodModel method) {
                  // Re-emitting each method's code is what makes the API compute its stack maps.
                  builder.transformMethod(method, MethodTransform.transformingCode(CodeTransform.ACCEPT_ALL));
                } else if (!(element instanceof ClassFileVersion)) {
                  builder.with(element);
                }
              }
            });
            upgraded++;
          }
        }
        var copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        zip.putNextEntry(copy);
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    jarLoader.close();
    Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("UpgradeOldClassFiles: " + upgraded + " class files rewritten as Java 8 in " + jar.getFileName());
  }
}
