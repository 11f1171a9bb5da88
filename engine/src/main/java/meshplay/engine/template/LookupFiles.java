package meshplay.engine.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.vault.VaultEnvelope;
import meshplay.engine.vault.VaultException;
import meshplay.engine.yaml.Origin;

/**
 * The lookups that find controller-side files: file, unvault, template, first_found and fileglob. A
 * relative name is searched as ansible-core does: in the role's directory (when the task is in a role),
 * then in the playbook's, each first under the plugin's subdirectory (files/ or templates/), then
 * directly. As in Ansible, file, unvault and template read a vault-encrypted file as its plaintext,
 * opened with the run's vault passwords; that plaintext (and what a template makes of it) is a secret
 * that output masks.
 */
final class LookupFiles {
    private final RenderScope scope;

    LookupFiles(RenderScope scope) {
        this.scope = scope;
    }

    List<Object> run(String plugin, List<Object> terms, Map<String, Object> options) {
        return switch (plugin) {
            case "file" -> file(terms, options);
            // unvault: the file's text as it is (decrypted when it is vault data), without stripping
            case "unvault" -> file(terms, Map.of("rstrip", false));
            case "template" -> template(terms);
            case "first_found" -> firstFound(terms, options);
            default -> fileglob(terms);
        };
    }

    /** The directory that commands of the pipe and lines lookups run in, and relative password files are under. */
    Path baseDir() {
        List<Path> dirs = searchDirs();
        return dirs.isEmpty() ? Path.of("").toAbsolutePath() : dirs.get(0);
    }

    private List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String name : List.of("role_path", "playbook_dir")) {
            if (scope.isDefined(name)) dirs.add(Path.of(Ops.toText(scope.lookup(name))));
        }
        return dirs;
    }

    /** The file a name means, or null when there is none. */
    Path find(String subdir, String name) {
        if (name.startsWith("/")) return Files.exists(Path.of(name)) ? Path.of(name) : null;
        for (Path dir : searchDirs()) {
            if (!name.split("/")[0].equals(subdir) && Files.exists(dir.resolve(subdir).resolve(name))) return dir.resolve(subdir).resolve(name);
            if (Files.exists(dir.resolve(name))) return dir.resolve(name);
        }
        return null;
    }

    private List<Object> file(List<Object> terms, Map<String, Object> options) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String name = Ops.toText(term);
            Path p = find("files", name);
            if (p == null || Files.isDirectory(p)) throw new TemplateTypeException("could not locate file in lookup: " + name);
            Content content = read(p, name);
            String text = content.text();
            if (Ops.truthy(options.getOrDefault("lstrip", false))) text = text.stripLeading();
            if (Ops.truthy(options.getOrDefault("rstrip", true))) text = text.stripTrailing();
            out.add(made(content, text));
        }
        return out;
    }

    private List<Object> template(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String name = Ops.toText(term);
            Path p = find("templates", name);
            if (p == null || Files.isDirectory(p)) throw new TemplateTypeException("the template file " + name + " could not be found for the lookup");
            Content content = read(p, name);
            String text = content.text();
            String rendered = scope.templar.renderTemplate(text, new Origin(p.toString(), 1, 1), scope.child());
            out.add(made(content, rendered + "\n".repeat(Math.max(0, trailingNewlines(text) - trailingNewlines(rendered)))));
        }
        return out;
    }

    private List<Object> firstFound(List<Object> terms, Map<String, Object> options) {
        List<String> candidates = new ArrayList<>();
        boolean skip = candidates(terms, options, candidates);
        for (String name : candidates) {
            Path p = find("files", name);
            if (p != null) return new ArrayList<>(List.of(p.toString()));
        }
        if (skip) return new ArrayList<>();
        throw new TemplateTypeException("No file was found when using first_found.");
    }

    /** Adds the names to try, in order; returns the skip option. Mappings give files (and paths) options. */
    private static boolean candidates(List<Object> terms, Map<String, Object> options, List<String> out) {
        boolean skip = Ops.truthy(options.getOrDefault("skip", false));
        for (Object term : terms) {
            if (term instanceof Map<?, ?> m) {
                List<String> files = split(m.get("files") != null ? m.get("files") : List.of(), ",;");
                List<String> paths = split(m.get("paths") != null ? m.get("paths") : List.of(), ",:;");
                skip = Ops.truthy(m.get("skip") != null ? m.get("skip") : false);
                if (!paths.isEmpty()) {
                    for (String path : paths) for (String f : files) out.add(Path.of(path).resolve(f).toString());
                } else {
                    out.clear();
                    out.addAll(files);
                }
            } else if (term instanceof String s) {
                out.add(s);
            } else if (term instanceof List<?> l) {
                skip = candidates(new ArrayList<>(l), options, out);
            } else {
                throw new TemplateTypeException("first_found: a term must be a file name, a mapping or a list, got " + Ops.typeName(term));
            }
        }
        return skip;
    }

    private static List<String> split(Object value, String separators) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split("[" + java.util.regex.Pattern.quote(separators) + "]")) if (!part.isEmpty()) out.add(part);
        } else {
            for (Object o : Seq.of(value)) out.addAll(split(o, separators));
        }
        return out;
    }

    private List<Object> fileglob(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String pattern = Ops.toText(term);
            int slash = pattern.lastIndexOf('/');
            String filePattern = pattern.substring(slash + 1);
            List<Path> dirs = new ArrayList<>();
            if (slash >= 0) {
                String dir = slash == 0 ? "/" : pattern.substring(0, slash);
                Path found = find("files", dir);
                if (found != null) dirs.add(found);
            } else {
                for (Path d : searchDirs()) {
                    dirs.add(d.resolve("files"));
                    dirs.add(d);
                }
            }
            for (Path dir : dirs) {
                List<Object> matches = glob(dir, filePattern);
                if (!matches.isEmpty()) {
                    out.addAll(matches);
                    break;
                }
            }
        }
        return out;
    }

    private static List<Object> glob(Path dir, String pattern) {
        List<Object> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && (pattern.startsWith(".") || !p.getFileName().toString().startsWith("."))) out.add(p.toString());
            }
        } catch (IOException e) {
            throw new TemplateTypeException("fileglob: cannot list " + dir + " (" + e.getMessage() + ")");
        }
        out.sort(null);
        return out;
    }

    /** As ansible-core, a rendered template ends with as many newlines as its source (a block tag may eat the last). */
    private static int trailingNewlines(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(s.length() - 1 - n) == '\n') n++;
        return n;
    }

    /** A file's text, and whether it was vault-encrypted (then what is made of it is a secret). */
    private record Content(String text, boolean secret) {
    }

    /** The file's text; the plaintext when it is vault-encrypted. */
    private Content read(Path p, String name) {
        byte[] data;
        try {
            data = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new TemplateTypeException("lookup: cannot read " + name + " (" + e.getMessage() + ")");
        }
        if (!VaultEnvelope.isVault(data)) return new Content(new String(data, StandardCharsets.UTF_8), false);
        try {
            return new Content(scope.templar.vault().decryptText(new String(data, StandardCharsets.US_ASCII)), true);
        } catch (VaultException e) {
            throw new TemplateTypeException("cannot decrypt " + p + ": " + e.getMessage() + "; " + e.hint());
        }
    }

    /** The value made from a file's content, recorded as revealed when the file was vault-encrypted, so that output masks it. */
    private String made(Content from, String value) {
        if (from.secret()) scope.templar.vault().revealed().add(value);
        return value;
    }
}
