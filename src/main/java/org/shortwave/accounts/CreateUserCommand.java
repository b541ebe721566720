package org.shortwave.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shortwave.jar create-user --email=E --name=N [--admin] [--role=EDITION:ROLE ...]}: creates a
 * newsroom user. The password is read from the first line of standard input, never from the command line (which
 * other users of the machine can see).
 */
@Component
class CreateUserCommand implements CliCommand {

    private final Accounts accounts;

    CreateUserCommand(Accounts accounts) {
        this.accounts = accounts;
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
        boolean admin = args.contains("--admin");
        List<String[]> roles = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--role=")) {
                String[] parts = arg.substring("--role=".length()).split(":", 2);
                if (parts.length != 2) {
                    System.err.println("A role is EDITION:ROLE, e.g. --role=zh-hans:editor");
                    return 2;
                }
                roles.add(parts);
            }
        }
        if (email == null || name == null) {
            System.err.println("Usage: create-user " + summary());
            return 2;
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            password = null;
        }
        try {
            Account account = accounts.create(null, email, name, password == null ? "" : password, admin);
            for (String[] role : roles) {
                accounts.grant(null, account.id(), role[0], Role.valueOf(role[1].toUpperCase(java.util.Locale.ROOT)));
            }
            System.out.println("Created user " + account.id() + " <" + account.email() + ">" + (admin ? " (admin)" : ""));
            return 0;
        } catch (InvalidAccountException e) {
            System.err.println("Refused: " + e.messageKey());
            return 1;
        } catch (IllegalArgumentException | org.springframework.dao.DataAccessException e) {
            System.err.println("Refused: " + e.getMessage());
            return 1;
        }
    }
}
