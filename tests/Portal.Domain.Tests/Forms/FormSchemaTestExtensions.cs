using System.Text.Json;
using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

/// <summary>Validation on the tests' fixed day, so dates of birth are judged against a known today.</summary>
internal static class FormSchemaTestExtensions
{
    /// <summary>Validates <paramref name="data"/> as on <see cref="SampleEForm.Today"/>.</summary>
    public static IReadOnlyList<FieldError> Validate(this FormSchema schema, JsonElement data) => schema.Validate(data, SampleEForm.Today);
}
