using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Haven.Web.Infrastructure.Govuk;

public static class GovukServiceCollectionExtensions
{
    /// <summary>
    /// Registers what Haven's GOV.UK tag helpers need beyond Razor Pages: the model binder that
    /// reads <c>&lt;govuk-date-input&gt;</c>'s day, month and year fields into a DateOnly.
    /// Call it next to AddRazorPages: <c>builder.Services.AddGovukFrontend();</c>
    /// or <c>builder.Services.AddRazorPages(...).AddGovukFrontend();</c>
    /// </summary>
    public static IServiceCollection AddGovukFrontend(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options =>
        {
            // Ahead of the simple-type binders (which would otherwise claim DateOnly), but after
            // the ones for [ModelBinder], [FromServices], [FromBody] and [FromHeader].
            var providers = options.ModelBinderProviders;
            var index = providers.ToList().FindIndex(p => p is FloatingPointTypeModelBinderProvider);
            providers.Insert(index < 0 ? 0 : index, new GovukDateModelBinderProvider());
        });
        return services;
    }

    public static IMvcBuilder AddGovukFrontend(this IMvcBuilder mvc)
    {
        mvc.Services.AddGovukFrontend();
        return mvc;
    }
}
