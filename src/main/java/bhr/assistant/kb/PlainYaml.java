package bhr.assistant.kb;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.StringReader;

/**
 * Metadata is plain data: keys, plain values and maps or lists of them. YAML's tags (!!python/object ...),
 * anchors (&amp;name) and aliases (*name) make a document build objects or repeat itself, which metadata never
 * needs, so a front matter or sidecar that uses them is refused before it is loaded.
 */
final class PlainYaml {

    private PlainYaml() {
    }

    static void check(String yaml) throws InvalidDocumentException {
        try {
            for (Event event : new Yaml().parse(new StringReader(yaml))) {
                if (event instanceof AliasEvent alias) {
                    throw refused("an alias (*" + alias.getAnchor() + ")");
                }
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    throw refused("an anchor (&" + node.getAnchor() + ")");
                }
                String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                        : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
                if (tag != null) {
                    throw refused("a tag (" + tag + ")");
                }
            }
        } catch (YAMLException notYaml) {
            // Not valid YAML: the front matter is then read as plain "key: value" lines, which interpret nothing.
        }
    }

    private static InvalidDocumentException refused(String what) {
        return new InvalidDocumentException("front matter uses " + what + ": YAML tags, anchors and aliases are not accepted; "
                + "write plain values");
    }
}
