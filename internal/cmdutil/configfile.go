package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// NeedConfigFile refuses a configuration file that does not exist, with
// the fix, for the commands that look at the file before loading it
// (loading says "reading FILE: file not found" itself).
func NeedConfigFile(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return WithHint(fmt.Errorf("%s: file not found", path),
			"run `cogwiz init` to create it, or pass -f FILE")
	}
	return nil
}

// LoadAndWarn loads and checks the file as apply.LoadConfig does, for a
// command about to call Cognito, and prints the file's warnings on stderr
// first, also when its errors stop the command. advice adds the warnings
// that are advice (see render.ProblemsOptions).
func LoadAndWarn(ctx context.Context, ios *iostreams.IOStreams, path string, advice bool) (*config.Document, error) {
	doc, warns, err := apply.LoadConfig(ctx, path)
	if werr := render.Problems(ios.ErrOut, warns, render.ProblemsOptions{Width: ios.WrapWidth(), Advice: advice}); werr != nil {
		return nil, werr
	}
	return doc, err
}
