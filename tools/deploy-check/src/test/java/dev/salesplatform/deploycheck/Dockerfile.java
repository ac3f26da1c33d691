package dev.salesplatform.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A Dockerfile's instructions (continuation lines joined, comments dropped). */
record Dockerfile(List<Instruction> instructions) {

    static final String PATH = "src/main/docker/Dockerfile.jvm";

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile of(String service) {
        return parse(Repo.read(service + "/" + PATH));
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                pending.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            pending.append(stripped);
            String instruction = pending.toString().strip();
            pending.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            int space = instruction.indexOf(' ');
            instructions.add(space < 0
                    ? new Instruction(instruction.toUpperCase(Locale.ROOT), "")
                    : new Instruction(instruction.substring(0, space).toUpperCase(Locale.ROOT),
                            instruction.substring(space + 1).strip()));
        }
        return new Dockerfile(instructions);
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The variables ENV sets (NAME=value pairs, values possibly quoted). */
    Set<String> envNames() {
        Set<String> names = new TreeSet<>();
        for (String arguments : arguments("ENV")) {
            for (String token : words(arguments)) {
                int equals = token.indexOf('=');
                if (equals > 0) {
                    names.add(token.substring(0, equals));
                }
            }
        }
        return names;
    }

    /** Whitespace-separated words, a quoted stretch counting as part of its word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
