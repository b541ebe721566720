package org.shortwave.accounts;

import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shortwave.jar create-token --email=E --name=N}: prints a new API token for the user, once. */
@Component
class CreateTokenCommand implements CliCommand {

    private final Accounts accounts;
    private final ApiTokens tokens;

    CreateTokenCommand(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "create-token";
    }

    @Override
    public String summary() {
        return "--email=E --name=N (prints an admin API token for the user, shown once)";
    }

    @Override
    public int run(List<String> args) {
        String email = CliCommand.option(args, "email");
        String name = CliCommand.option(args, "name");
        if (email == null || name == null) {
            System.err.println("Usage: create-token " + summary());
            return 2;
        }
        var account = accounts.findByEmail(email).filter(Account::enabled);
        if (account.isEmpty()) {
            System.err.println("No enabled user " + email);
            return 1;
        }
        try {
            System.out.println(tokens.create(account.get(), name));
            return 0;
        } catch (InvalidAccountException e) {
            System.err.println("Refused: " + e.messageKey());
            return 1;
        }
    }
}
