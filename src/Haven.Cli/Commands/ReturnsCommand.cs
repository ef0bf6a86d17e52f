using System.CommandLine;

namespace Haven.Cli.Commands;

/// `returns cin|903|annex-a …` produce the statutory returns into a folder; `validate cin|903 DIR`
/// run Haven's implementation of the DfE's rules over a folder the returns commands wrote. Each
/// return adds its own subcommands here, one line each, from its own file.
public static class ReturnsCommand
{
    public static Command CreateReturns(TextWriter output, TextWriter error)
    {
        var returns = new Command("returns", "Produce the statutory returns (CIN census, SSDA903, Ofsted Annex A) into a folder");
        returns.Subcommands.Add(AnnexACommand.Create(output, error));
        returns.Subcommands.Add(Ssda903Commands.CreateReturn(output, error));
        returns.Subcommands.Add(CinReturnCommands.Produce(output, error));
        return returns;
    }

    public static Command CreateValidate(TextWriter output, TextWriter error)
    {
        var validate = new Command("validate", "Check a folder written by `returns` against the DfE's validation rules; ends with `errors: N`");
        validate.Subcommands.Add(Ssda903Commands.CreateValidate(output, error));
        validate.Subcommands.Add(CinReturnCommands.Validate(output, error));
        return validate;
    }
}
