package org.shortwave.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shortwave.jar create-user --email=E --name=N [--admin] [--role=EDITION:ROLE ...]}: creates a
 * newsroom user. The password is read from the first line of standard input, never from the command line (which
 * other users of the machine can see). Every option is checked before anything is written, and the user and their
 * roles are stored in one transaction: a refusal leaves nothing behind.
 */
@Component
class CreateUserCommand implements CliCommand {

    private final Accounts accounts;
    private final Editions editions;
    private final Messages messages;

    CreateUserCommand(Accounts accounts, Editions editions, Messages messages) {
        this.accounts = accounts;
        this.editions = editions;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "create-user";
    }

    @Override
    public String summary() {
        return "--email=E --name=N [--admin] [--role=zh-hans:editor] (password on standard input)";
    }

    @Override
    public int run(List<String> args) {
        String email = CliCommand.option(args, "email");
        String name = CliCommand.option(args, "name");
        if (email == null || name == null) {
            System.err.println("Usage: create-user " + summary());
            return 2;
        }
        boolean admin = args.contains("--admin");
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--role=")) {
                String problem = addRole(roles, arg.substring("--role=".length()));
                if (problem != null) {
                    System.err.println(problem);
                    return 2;
                }
            }
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            password = null;
        }
        try {
            Account account = accounts.create(null, email, name, password == null ? "" : password, admin, roles);
            System.out.println("Created user " + account.id() + " <" + account.email() + ">" + (admin ? " (admin)" : "")
                    + roles.entrySet().stream().map(r -> " " + r.getKey() + ":" + r.getValue().dbValue())
                            .collect(Collectors.joining()));
            return 0;
        } catch (InvalidAccountException e) {
            // The newsroom's own English text for the reason (e.g. "The password needs at least 8 characters.").
            System.err.println("Refused: " + messages.forLocale(Locale.ENGLISH).get(e.messageKey()));
            return 1;
        }
    }

    /** Adds an EDITION:ROLE option to the roles, or says what is wrong with it. */
    private String addRole(Map<String, Role> roles, String value) {
        String[] parts = value.split(":", 2);
        if (parts.length != 2) {
            return "A role is EDITION:ROLE, e.g. --role=zh-hans:editor";
        }
        if (editions.find(parts[0]).isEmpty()) {
            return "Unknown edition '" + parts[0] + "' in --role; the editions are: "
                    + editions.all().stream().map(Edition::code).collect(Collectors.joining(", "));
        }
        Role role = Arrays.stream(Role.values()).filter(r -> r.dbValue().equals(parts[1].toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
        if (role == null) {
            return "Unknown role '" + parts[1] + "' in --role; the roles are: "
                    + Arrays.stream(Role.values()).map(Role::dbValue).collect(Collectors.joining(", "));
        }
        roles.put(parts[0], role);
        return null;
    }
}
