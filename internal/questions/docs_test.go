package questions_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cogwiz/cogwiz/internal/questions"
)

// TestDocsAreCurrent fails when docs/questions.md no longer matches the
// question files; `go generate ./questions` rewrites it.
func TestDocsAreCurrent(t *testing.T) {
	want := questions.Markdown(load(t))
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "questions.md"))
	if err != nil {
		t.Fatalf("%v; run go generate ./questions", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("docs/questions.md is stale; run go generate ./questions")
	}
}
