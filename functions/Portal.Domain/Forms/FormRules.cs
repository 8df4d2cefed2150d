namespace Portal.Domain.Forms;

/// <summary>Which rules a <see cref="FormSchema"/> applies besides the JSON Schema itself.</summary>
public enum FormRules
{
    /// <summary>
    /// The portal's e-Form rules as the site applies them: no control characters in any text answer (a textarea may hold
    /// line breaks and tabs) and no date after today where the schema says "x-maxDate": "today".
    /// </summary>
    Portal,

    /// <summary>JSON Schema only ("x-maxDate" still applies, being a keyword of the schema): for conformance runs of the JSON-Schema-Test-Suite.</summary>
    JsonSchemaOnly,
}
