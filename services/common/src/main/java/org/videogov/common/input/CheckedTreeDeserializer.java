package org.videogov.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Free-form JSON inputs (GeoJSON geometries, privacy masks) are stored as text: their strings and
 * member names hold no control character either, and a tree holds at most
 * {@link #MAX_NODES} values.
 */
class CheckedTreeDeserializer extends StdDeserializer<JsonNode> {

    /** The most values (objects, arrays, numbers, strings...) one free-form JSON input may hold. */
    static final int MAX_NODES = 50_000;

    @SuppressWarnings("unchecked")
    private static final JsonDeserializer<JsonNode> TREE =
            (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

    CheckedTreeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = TREE.deserialize(p, ctxt);
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(tree);
        int count = 0;
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (++count > MAX_NODES) {
                throw new RefusedValueException(p, "holds more than " + MAX_NODES + " JSON values", JsonNode.class);
            }
            if (node.isTextual()) {
                refuseControl(p, node.textValue());
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    refuseControl(p, member.getKey());
                    todo.push(member.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
        return tree;
    }

    private static void refuseControl(JsonParser p, String text) throws RefusedValueException {
        String refusal = InputBounds.controlCharacter(text, false);
        if (refusal != null) {
            throw new RefusedValueException(p, refusal, JsonNode.class);
        }
    }
}
