using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// Binds <see cref="DateOnly"/> and <see cref="Nullable{DateOnly}"/> from the three fields that
/// <c>&lt;govuk-date-input&gt;</c> posts (<c>Input.DateOfBirth.Day</c>, <c>.Month</c>, <c>.Year</c>).
/// What the user typed is kept in ModelState under those names, so an invalid date is shown again
/// as typed. When none of the three fields was sent (a query string such as <c>?from=2025-04-01</c>)
/// the value is bound the usual way.
/// </summary>
public sealed class GovukDateModelBinder(IModelBinder fallback) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider;
        var day = values.GetValue($"{name}.Day");
        var month = values.GetValue($"{name}.Month");
        var year = values.GetValue($"{name}.Year");

        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None)
        {
            await fallback.BindModelAsync(bindingContext);
            return;
        }

        var modelState = bindingContext.ModelState;
        modelState.SetModelValue($"{name}.Day", day);
        modelState.SetModelValue($"{name}.Month", month);
        modelState.SetModelValue($"{name}.Year", year);

        // The part fields are not model properties, so validation never visits them: settle their
        // state here, or ModelState.IsValid would stay false on an entirely valid form.
        foreach (var part in new[] { "Day", "Month", "Year" }) modelState.MarkFieldSkipped($"{name}.{part}");

        var prefix = ErrorMessagePrefix(bindingContext.ModelMetadata);
        var result = GovukDate.Parse(day.FirstValue, month.FirstValue, year.FirstValue, prefix);

        if (result.IsEmpty)
        {
            if (Nullable.GetUnderlyingType(bindingContext.ModelType) is not null)
                bindingContext.Result = ModelBindingResult.Success(null);
            else
                modelState.TryAddModelError(name, $"Enter {GovukDate.LowercaseFirst(prefix)}");
            return;
        }

        if (!result.IsValid)
        {
            modelState.TryAddModelError(name, result.Error!);
            return;
        }

        bindingContext.Result = ModelBindingResult.Success(result.Date);
    }

    internal static string ErrorMessagePrefix(ModelMetadata metadata)
    {
        var attribute = (metadata as DefaultModelMetadata)?.Attributes.Attributes.OfType<GovukDateAttribute>().FirstOrDefault();
        return attribute?.ErrorMessagePrefix ?? metadata.DisplayName ?? metadata.Name ?? "Date";
    }
}

public sealed class GovukDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(DateOnly))
            return null;
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new GovukDateModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}
