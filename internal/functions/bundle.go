package functions

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Bundle is a function's deployment package: its folder as a zip file.
type Bundle struct {
	Zip []byte
	// CodeSHA256 is what Lambda reports as the function's CodeSha256 (the
	// base64 SHA-256 of the zip), so that apply can tell unchanged code
	// without uploading it.
	// https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html#lambda-Type-FunctionConfiguration-CodeSha256
	CodeSHA256 string
}

// maxZip is Lambda's limit for a zip uploaded directly with the request.
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
const maxZip = 50 << 20

// zipTime is the fixed modification time of every entry, so that the same
// files always give the same zip, whatever their times on disk.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// BuildBundle zips the folder of f below projectDir: every file in it and
// its subfolders, in name order, with fixed times and permissions, so the
// hash changes only when the content does. Names starting with a dot
// (editor and temporary files) stay out, and a link is refused: it could
// pull a file from outside the project into what is uploaded to AWS.
func BuildBundle(projectDir string, f Function) (*Bundle, error) {
	root := filepath.Join(projectDir, filepath.FromSlash(f.Dir))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a link: a function's folder may hold only its own files", p)
		case d.IsDir() || !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: zipTime}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("packaging %s: %w", f.Dir, err)
	}
	if buf.Len() > maxZip {
		return nil, fmt.Errorf("packaging %s: the zip has %d MB; Lambda takes at most 50 MB uploaded directly", f.Dir, buf.Len()>>20)
	}
	sum := sha256.Sum256(buf.Bytes())
	return &Bundle{Zip: buf.Bytes(), CodeSHA256: base64.StdEncoding.EncodeToString(sum[:])}, nil
}
