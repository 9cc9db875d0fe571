package amplify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/cogwiz/cogwiz/internal/config"
)

// maxFileSize caps each Amplify file cogwiz reads. The largest,
// team-provider-info.json, holds a few lines per resource and environment:
// tens of KiB in a big project. 4 MiB is far above that and keeps a wrong
// path (a log, an archive) from costing more than a moment.
const maxFileSize = 4 << 20

// Byte order marks: editors on Windows start JSON with the UTF-8 one,
// which JSON itself does not allow; UTF-16 is another encoding altogether.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// readFile reads one file of an Amplify project: a regular file (a FIFO or
// device is refused, so nothing here can block) of at most maxFileSize
// bytes, without a UTF-8 byte order mark. Errors are *fs.PathError, so
// errors.Is(err, fs.ErrNotExist) holds for a missing file.
func readFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file (an Amplify project's files are)")}
	}
	data, err := config.ReadFile(context.Background(), path, maxFileSize)
	var tooLarge *config.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d MiB: not an Amplify project file", maxFileSize>>20)}
	}
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, bomUTF16BE) || bytes.HasPrefix(data, bomUTF16LE) {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("the file is UTF-16: save it as UTF-8, as Amplify writes it")}
	}
	return bytes.TrimPrefix(data, bomUTF8), nil
}
