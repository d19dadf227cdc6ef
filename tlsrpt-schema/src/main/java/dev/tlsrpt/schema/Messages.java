package dev.tlsrpt.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.tlsrpt.internal.Locations;
import dev.tlsrpt.internal.Members;
import dev.tlsrpt.internal.SenderText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Turns networknt's errors into {@link Violation}s: our pointer, location and wording. */
final class Messages {

    private Messages() {
    }

    static Violation violation(Error error, DocumentReader.Document doc, JsonNode schema) {
        String instance = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        @Nullable JsonNode subschema = subschema(schema, error.getSchemaLocation().getFragment());
        String property = error.getProperty();
        JsonNode value = error.getInstanceNode();
        switch (keyword) {
            case "required": {
                String pointer = instance + "/" + Locations.pointerToken(property);
                DocumentReader.Location at = doc.ends().getOrDefault(instance, DocumentReader.Location.UNKNOWN);
                boolean conditional = error.getSchemaLocation().getFragment().contains("then");
                return new Violation(pointer, at.line(), at.column(), keyword, "missing required member "
                        + SenderText.quote(property) + (conditional ? " (required for sts and tlsa policies)" : ""));
            }
            case "additionalProperties": {
                String pointer = instance + "/" + Locations.pointerToken(property);
                String rfcName = Members.rfcNameOfDraft(property);
                String message = rfcName != null
                        ? "\"" + property + "\" is a draft-era name; RFC 8460 calls this member \"" + rfcName + "\""
                        : "member " + SenderText.quote(property) + " is not defined by RFC 8460";
                DocumentReader.Location at = doc.names().getOrDefault(pointer, DocumentReader.Location.UNKNOWN);
                return new Violation(pointer, at.line(), at.column(), keyword, message);
            }
            case "type":
                return at(doc, instance, keyword, "expected " + types(subschema == null ? null : subschema.get("type"))
                        + ", got " + describe(value, doc.numberTexts().get(instance)));
            case "enum":
                return at(doc, instance, keyword, "expected one of " + values(subschema == null ? null
                        : subschema.get("enum")) + ", got " + describe(value, doc.numberTexts().get(instance)));
            case "pattern":
                return at(doc, instance, keyword, "expected " + title(subschema, "a string matching "
                        + (subschema == null ? "the pattern" : subschema.path("pattern").asString()))
                        + ", got " + describe(value, null));
            case "not":
                return at(doc, instance, keyword, "must not be "
                        + title(subschema == null ? null : subschema.get("not"), "this")
                        + ", got " + describe(value, null));
            case "minimum":
            case "maximum":
                return at(doc, instance, keyword, "expected an integer from 0 to " + Long.MAX_VALUE + ", got "
                        + describe(value, doc.numberTexts().get(instance)));
            default:
                return at(doc, instance, keyword, error.getMessage());
        }
    }

    private static Violation at(DocumentReader.Document doc, String pointer, String keyword, String message) {
        DocumentReader.Location at = doc.starts().getOrDefault(pointer, DocumentReader.Location.UNKNOWN);
        return new Violation(pointer, at.line(), at.column(), keyword, message);
    }

    /** The RFC 6901 pointer of a networknt path. */
    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(Locations.pointerToken(String.valueOf(path.getElement(i))));
        }
        return sb.toString();
    }

    /** The schema object holding the failed keyword (the path minus its last element). */
    private static @Nullable JsonNode subschema(JsonNode schema, NodePath fragment) {
        JsonNode node = schema;
        for (int i = 0; i < fragment.getNameCount() - 1 && node != null; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node;
    }

    private static String title(@Nullable JsonNode subschema, String fallback) {
        JsonNode title = subschema == null ? null : subschema.get("title");
        return title == null || !title.isString() ? fallback : title.asString();
    }

    private static String types(@Nullable JsonNode type) {
        if (type == null) {
            return "another type";
        }
        if (type.isString()) {
            return article(type.asString());
        }
        List<String> names = new ArrayList<>();
        for (JsonNode t : type) {
            names.add(article(t.asString()));
        }
        return String.join(" or ", names);
    }

    private static String article(String type) {
        switch (type) {
            case "null":
                return "null";
            case "integer":
            case "array":
            case "object":
                return "an " + type;
            default:
                return "a " + type;
        }
    }

    private static String values(@Nullable JsonNode values) {
        if (values == null) {
            return "the listed values";
        }
        List<String> names = new ArrayList<>();
        for (JsonNode v : values) {
            names.add(v.toString());
        }
        return String.join(", ", names);
    }

    /** A short description of a value, quoting sender text as {@link SenderText#quote} does. */
    static String describe(@Nullable JsonNode value, @Nullable String numberText) {
        if (value == null) {
            return "nothing";
        }
        if (value.isString()) {
            return SenderText.quote(value.asString());
        }
        if (value.isNumber()) {
            return SenderText.excerpt(numberText != null ? numberText : value.toString());
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.toString();
    }
}
