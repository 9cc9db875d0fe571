package docshots

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/cogwiz/cogwiz/internal/config"
)

// notConfigDocs are generated or hold YAML that is not a cognito.yaml
// (wizard answers files).
var notConfigDocs = map[string]bool{
	"reference.md":  true,
	"questions.md":  true,
	"acceptance.md": true,
}

// TestDocYAML checks every ```yaml block of the guides and recipes: a
// complete block must load and validate with no error (warnings are fine);
// a block marked <!-- partial --> is an excerpt and must at least be YAML.
// Answers files for `cogwiz init --answers` are written in heredocs inside
// shell blocks, so they are not checked here.
func TestDocYAML(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	recipes, err := filepath.Glob(filepath.Join(root, "docs", "recipes", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recipes) < 6 {
		t.Errorf("want at least 6 recipes, found %d", len(recipes))
	}
	files = append(files, recipes...)
	complete := 0
	for _, path := range files {
		if notConfigDocs[filepath.Base(path)] {
			continue
		}
		md, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		for _, b := range Blocks(md) {
			if b.Lang != "yaml" {
				continue
			}
			where := rel + ":" + strconv.Itoa(b.Line)
			if b.Marker == "partial" {
				var v any
				if err := yaml.Unmarshal([]byte(b.Text), &v); err != nil {
					t.Errorf("%s: partial block is not YAML: %v", where, err)
				}
				continue
			}
			complete++
			doc, err := config.Parse(where, []byte(b.Text))
			if err != nil {
				t.Errorf("%s: does not load: %v", where, err)
				continue
			}
			for _, is := range config.Validate(doc.Config) {
				if is.Severity == config.SeverityError {
					t.Errorf("%s: %s: %s — %s", where, is.Path, is.Message, is.Hint)
				}
			}
		}
	}
	if complete == 0 {
		t.Error("no complete cognito.yaml block found in the docs")
	}
}
