using System.CommandLine;
using System.Security.Cryptography;
using Haven.Core.Api;
using Haven.Core.Data;
using Haven.Core.Identity;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

public static class UsersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var users = new Command("users", "Sign-in accounts and API tokens");
        users.Subcommands.Add(CreateUser(output, error));
        users.Subcommands.Add(Reset(output, error));
        users.Subcommands.Add(List(output));
        var token = new Command("token", "API tokens for partner systems");
        token.Subcommands.Add(CreateToken(output, error));
        token.Subcommands.Add(RevokeToken(output, error));
        users.Subcommands.Add(token);
        return users;
    }

    private static readonly Option<string> UserName = new("--username", "--user") { Description = "The account's username", Required = true };
    private static readonly Option<string?> Password = new("--password") { Description = "The password (default: a new random one, printed once)" };

    private static Command CreateUser(TextWriter output, TextWriter error)
    {
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Enum.GetNames<HavenRole>()), Required = true };
        var name = new Option<string>("--name") { Description = "The worker's name as others see it", Required = true };
        var team = new Option<string?>("--team") { Description = "The name of the worker's team" };
        var email = new Option<string?>("--email") { Description = "Email (used to link a council single sign-on account)" };
        var command = new Command("create", "Create an account and the worker it acts as") { UserName, role, name, team, email, Password };
        command.SetAction(async (parse, ct) =>
        {
            if (!HavenRoles.TryParse(parse.GetValue(role), out var haveRole))
            {
                await error.WriteLineAsync($"Unknown role '{parse.GetValue(role)}'. Use one of: {string.Join(", ", Enum.GetNames<HavenRole>())}");
                return 2;
            }
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
            int? teamId = null;
            if (parse.GetValue(team) is { } teamName)
            {
                teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
                if (teamId is null)
                {
                    await error.WriteLineAsync($"No team is called '{teamName}'.");
                    return 2;
                }
            }
            var worker = new Worker { DisplayName = parse.GetValue(name)!, Role = haveRole, TeamId = teamId };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Workers.Add(worker);
            await db.SaveChangesAsync(ct);
            var password = parse.GetValue(Password) ?? NewPassword();
            var user = new HavenUser { UserName = parse.GetValue(UserName), Email = parse.GetValue(email), EmailConfirmed = parse.GetValue(email) is not null, WorkerId = worker.Id };
            var result = await userManager.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                return 2;
            }
            await tx.CommitAsync(ct);
            await output.WriteLineAsync($"Created {user.UserName} ({haveRole.Describe()}).");
            if (parse.GetValue(Password) is null) await output.WriteLineAsync($"Password (shown once): {password}");
            return 0;
        });
        return command;
    }

    private static Command Reset(TextWriter output, TextWriter error)
    {
        var command = new Command("reset", "Set a new password and lift any lockout") { UserName, Password };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
            var user = await userManager.FindByNameAsync(parse.GetValue(UserName)!);
            if (user is null)
            {
                await error.WriteLineAsync("No such user.");
                return 2;
            }
            var password = parse.GetValue(Password) ?? NewPassword();
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var result = await userManager.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                return 2;
            }
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
            await output.WriteLineAsync($"Password reset for {user.UserName}.");
            if (parse.GetValue(Password) is null) await output.WriteLineAsync($"Password (shown once): {password}");
            return 0;
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var command = new Command("list", "List accounts");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
                .Select(u => new { u.UserName, Role = u.Worker == null ? null : (HavenRole?)u.Worker.Role, Name = u.Worker == null ? null : u.Worker.DisplayName, u.TwoFactorEnabled })
                .ToListAsync(ct);
            foreach (var r in rows) await output.WriteLineAsync($"{r.UserName,-30} {r.Role?.Describe() ?? "-",-32} {r.Name}{(r.TwoFactorEnabled ? " (2FA)" : "")}");
            return 0;
        });
        return command;
    }

    private static Command CreateToken(TextWriter output, TextWriter error)
    {
        var days = new Option<int>("--days") { Description = "Days until the token expires", DefaultValueFactory = _ => 90 };
        var label = new Option<string?>("--name") { Description = "A label, for example the partner system's name" };
        var command = new Command("create", "Issue an API token; it is printed alone on the last line and never shown again") { UserName, days, label };
        command.Validators.Add(r =>
        {
            if (r.GetValue(days) is < 1 or > 366) r.AddError("--days must be between 1 and 366");
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            if (await FindUserAsync(db, parse.GetValue(UserName)!, error, ct) is not { } user) return 2;
            var token = ApiToken.NewToken();
            var now = clock.GetUtcNow().UtcDateTime;
            db.ApiTokens.Add(new ApiToken
            {
                UserId = user.Id, Name = parse.GetValue(label) ?? "API token", TokenHash = ApiToken.Hash(token), Prefix = token[..12],
                CreatedAt = now, ExpiresAt = now.AddDays(parse.GetValue(days)),
            });
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"Token for {user.UserName}, expires {now.AddDays(parse.GetValue(days)):yyyy-MM-dd}. Store it now; it cannot be shown again:");
            await output.WriteLineAsync(token);
            return 0;
        });
        return command;
    }

    private static Command RevokeToken(TextWriter output, TextWriter error)
    {
        var prefix = new Option<string?>("--prefix") { Description = "Revoke only the token starting with this" };
        var command = new Command("revoke", "Revoke a user's API tokens") { UserName, prefix };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            if (await FindUserAsync(db, parse.GetValue(UserName)!, error, ct) is not { } user) return 2;
            var tokens = db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null);
            if (parse.GetValue(prefix) is { } p) tokens = tokens.Where(t => t.Prefix.StartsWith(p) || p.StartsWith(t.Prefix));
            var list = await tokens.ToListAsync(ct);
            foreach (var t in list) t.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"Revoked {list.Count} token(s) for {user.UserName}.");
            return 0;
        });
        return command;
    }

    private static async Task<HavenUser?> FindUserAsync(HavenDbContext db, string userName, TextWriter error, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) await error.WriteLineAsync("No such user.");
        return user;
    }

    /// A random 24-character password that always meets the password policy (at least 12 characters,
    /// a digit, a lower-case and an upper-case letter): about one random string in 60 has no digit, and
    /// was refused by the reset it was made for.
    public static string NewPassword()
    {
        while (true)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
            if (password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiLetterUpper)) return password;
        }
    }
}
