// Exchange spaces: the upload zone (documents/templates/documents/exchange/_upload_zone.html).
// Each dropped or chosen file is sent with tus-js-client (resumable: chunks, retries after a
// dropped connection, and a fingerprint in localStorage so that the same file chosen again
// resumes where it stopped). The size limit and the space's room are checked here first, and
// again by the server, whose French refusal is shown under the file. Once the files are
// stored, the page's file table and quota are fetched again. No inline script (CSP).
(function () {
  "use strict";

  var RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000];

  function refusalOf(error, fallback) {
    var response = error && error.originalResponse;
    if (response) {
      var header = response.getHeader("Upload-Refusal");
      if (header) {
        try {
          return decodeURIComponent(header);
        } catch (ignored) {
          // fall through to the body
        }
      }
      var body = response.getBody();
      if (body && body.length < 600) {
        return body;
      }
    }
    return fallback;
  }

  function percentText(fraction) {
    var lang = document.documentElement.lang || "fr-CA";
    return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
  }

  function Zone(zone) {
    this.zone = zone;
    this.data = zone.dataset;
    this.list = zone.querySelector("[data-upload-list]");
    this.template = zone.querySelector("template[data-upload-item]");
    this.freeBytes = Number(this.data.freeBytes);
    this.active = 0;
    this.stored = 0;
    this.waitingForNetwork = [];
    this.counter = 0;
    this.bind();
  }

  Zone.prototype.bind = function () {
    var self = this;
    var area = this.zone.querySelector("[data-drop-area]");
    var input = this.zone.querySelector("[data-upload-input]");
    input.addEventListener("change", function () {
      self.addFiles(input.files);
      input.value = "";
    });
    ["dragenter", "dragover"].forEach(function (name) {
      area.addEventListener(name, function (event) {
        event.preventDefault();
        area.classList.add("border-primary", "bg-primary-subtle");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      area.addEventListener(name, function (event) {
        event.preventDefault();
        area.classList.remove("border-primary", "bg-primary-subtle");
      });
    });
    area.addEventListener("drop", function (event) {
      if (event.dataTransfer && event.dataTransfer.files) {
        self.addFiles(event.dataTransfer.files);
      }
    });
    window.addEventListener("online", function () {
      var waiting = self.waitingForNetwork;
      self.waitingForNetwork = [];
      waiting.forEach(function (entry) {
        entry.say(self.data.textWaiting);
        entry.upload.start();
      });
    });
  };

  Zone.prototype.addFiles = function (files) {
    for (var i = 0; i < files.length; i += 1) {
      this.send(files[i]);
    }
  };

  Zone.prototype.item = function (file) {
    this.counter += 1;
    var fragment = this.template.content.cloneNode(true);
    var item = fragment.querySelector("[data-upload-item]");
    var name = item.querySelector("[data-upload-name]");
    var progress = item.querySelector("[data-upload-progress]");
    var status = item.querySelector("[data-upload-status]");
    name.id = "upload-name-" + this.counter;
    name.textContent = file.name;
    progress.setAttribute("aria-labelledby", name.id);
    this.list.appendChild(fragment);
    return {
      item: item,
      progress: progress,
      say: function (text) {
        status.textContent = text;
      },
    };
  };

  Zone.prototype.send = function (file) {
    var self = this;
    var data = this.data;
    var entry = this.item(file);
    if (file.size > Number(data.maxBytes)) {
      entry.item.classList.add("text-danger");
      entry.say(data.textTooLarge);
      return;
    }
    if (file.size > this.freeBytes) {
      entry.item.classList.add("text-danger");
      entry.say(data.textQuota);
      return;
    }
    this.freeBytes -= file.size; // what the other files of this drop may still take
    this.active += 1;
    entry.say(data.textWaiting);
    var lastPercent = -1;
    var upload = new window.tus.Upload(file, {
      endpoint: data.endpoint,
      chunkSize: Number(data.chunkBytes),
      retryDelays: RETRY_DELAYS,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, filetype: file.type || "" },
      headers: { "X-CSRFToken": data.csrfToken },
      onProgress: function (sent, total) {
        var fraction = total ? sent / total : 0;
        entry.progress.value = Math.floor(fraction * 100);
        var percent = Math.floor(fraction * 100);
        if (sent === total) {
          entry.say(data.textChecking); // the server sniffs the type and scans the file
        } else if (percent !== lastPercent) {
          lastPercent = percent;
          entry.say(percentText(percent / 100));
        }
      },
      onShouldRetry: function (error) {
        var status = error.originalResponse ? error.originalResponse.getStatus() : 0;
        var retry = (status < 400 || status >= 500 || status === 409 || status === 423) && navigator.onLine !== false;
        if (retry) {
          entry.say(data.textRetrying);
        }
        return retry;
      },
      onSuccess: function () {
        entry.progress.value = 100;
        entry.item.classList.add("text-success");
        entry.say(data.textDone);
        self.stored += 1;
        self.finished();
      },
      onError: function (error) {
        if (!error.originalResponse && navigator.onLine === false) {
          entry.say(data.textOffline); // resumed by the "online" event
          self.waitingForNetwork.push({ upload: upload, say: entry.say });
          return;
        }
        self.freeBytes += file.size;
        entry.item.classList.add("text-danger");
        entry.say(refusalOf(error, data.textFailed));
        self.finished();
      },
    });
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) {
        upload.resumeFromPreviousUpload(previous[0]);
      }
      upload.start();
    });
  };

  Zone.prototype.finished = function () {
    this.active -= 1;
    if (this.active === 0 && this.stored > 0) {
      this.stored = 0;
      this.refresh();
    }
  };

  // The page's parts that list the files and the room left, fetched again and swapped in.
  Zone.prototype.refresh = function () {
    var selectors = (this.data.refresh || "").split(",").map(function (s) {
      return s.trim();
    }).filter(Boolean);
    if (!selectors.length) {
      return;
    }
    var self = this;
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var page = new DOMParser().parseFromString(html, "text/html");
        selectors.forEach(function (selector) {
          var fresh = page.querySelector(selector);
          var current = document.querySelector(selector);
          if (fresh && current) {
            current.replaceWith(document.importNode(fresh, true));
          }
        });
        var zone = page.querySelector("[data-exchange-upload]");
        if (zone) {
          self.freeBytes = Number(zone.dataset.freeBytes);
        }
        document.dispatchEvent(new CustomEvent("exchange:uploaded", { bubbles: true }));
      })
      .catch(function () {
        // The files are stored; the list shows them at the next visit.
      });
  };

  function start() {
    if (!window.tus || !window.tus.isSupported) {
      return; // without tus-js-client the zone stays an inert form field: nothing is sent
    }
    document.querySelectorAll("[data-exchange-upload]").forEach(function (zone) {
      if (!zone.dataset.bound) {
        zone.dataset.bound = "1";
        new Zone(zone);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
