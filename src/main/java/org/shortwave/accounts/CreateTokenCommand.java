package org.shortwave.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shortwave.jar create-token --email=E --name=N}: prints a new API token for the user, once. */
@Component
class CreateTokenCommand implements CliCommand {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Messages messages;

    CreateTokenCommand(Accounts accounts, ApiTokens tokens, Messages messages) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "create-token";
    }

    @Override
    public String summary() {
        return "--email=E --name=N [--days=D] (prints an admin API token for the user, shown once; no expiry without --days)";
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
        String days = CliCommand.option(args, "days");
        try {
            Duration validity = days == null ? null : Duration.ofDays(Long.parseLong(days));
            System.out.println(tokens.create(null, account.get(), name, validity));
            return 0;
        } catch (NumberFormatException e) {
            System.err.println("Refused: --days must be a whole number of days");
            return 2;
        } catch (InvalidAccountException e) {
            System.err.println("Refused: " + messages.forLocale(Locale.ENGLISH).get(e.messageKey()));
            return 1;
        }
    }
}
