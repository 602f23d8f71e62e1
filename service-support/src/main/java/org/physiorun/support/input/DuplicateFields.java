package org.physiorun.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses a JSON object that names a field twice. Which of the two values counts is anyone's guess, and for a record
 * Jackson cannot even choose: without this such a body fails inside Jackson as a definition error, answered 500.
 * With it, the parser stops at the second name and the body is malformed input, a 400 problem.
 */
@Singleton
public class DuplicateFields implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
