namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// Names a <see cref="DateOnly"/> property in the date input's error messages:
/// <c>[GovukDate(ErrorMessagePrefix = "Date of birth")]</c> gives "Date of birth must be a real date".
/// Without it the property's display name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class GovukDateAttribute : Attribute
{
    public string? ErrorMessagePrefix { get; set; }
}
