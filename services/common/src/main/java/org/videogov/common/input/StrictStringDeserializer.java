package org.videogov.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Text fields take a JSON string and nothing else (a number or a boolean is not silently turned
 * into text, so {@code "gbId": 37020200001320000001} is refused), and never a control character:
 * NUL would otherwise reach PostgreSQL. Fields marked {@link FreeText} may hold tab, CR and LF.
 */
public class StrictStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    static final StrictStringDeserializer SINGLE_LINE = new StrictStringDeserializer(false);
    static final StrictStringDeserializer FREE_TEXT = new StrictStringDeserializer(true);

    private final boolean freeText;

    private StrictStringDeserializer(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(FreeText.class) != null ? FREE_TEXT : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            throw new RefusedValueException(p, "must be a JSON string, not " + StrictJson.describe(p), String.class);
        }
        String text = p.getText();
        String refusal = InputBounds.controlCharacter(text, freeText);
        if (refusal != null) {
            throw new RefusedValueException(p, refusal, String.class);
        }
        return text;
    }
}
