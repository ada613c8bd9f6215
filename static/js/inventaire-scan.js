// The stock-taking scan page: the tag field keeps the focus (a barcode scanner types into it
// and ends with Enter), and the phone's camera can read the tags (Code 128 or QR): the
// browser's BarcodeDetector where it exists, else ZXing (static/vendor/zxing), served locally.
(function () {
  "use strict";
  const form = document.querySelector("[data-scan-form]");
  if (!form) return;
  const video = form.querySelector("[data-camera-video]");
  const start = form.querySelector("[data-camera-start]");
  const stop = form.querySelector("[data-camera-stop]");
  const REPEAT_MS = 2500; // the same code seen again within this delay is the same reading
  let stream = null;
  let controls = null;
  let last = { code: "", at: 0 };

  function tagField() {
    return form.querySelector("input[name=tag]");
  }

  function focusTag(clear) {
    const field = tagField();
    if (!field) return;
    if (clear) field.value = "";
    field.focus();
  }

  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (form.contains(event.detail.target)) focusTag(true);
  });

  function submitCode(code) {
    const now = Date.now();
    if (code === last.code && now - last.at < REPEAT_MS) return;
    last = { code: code, at: now };
    tagField().value = code;
    form.requestSubmit();
  }

  function showCamera(on) {
    video.hidden = !on;
    stop.hidden = !on;
    start.hidden = on;
  }

  async function withBarcodeDetector() {
    const detector = new window.BarcodeDetector({ formats: ["code_128", "qr_code"] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream;
    await video.play();
    const tick = async function () {
      if (!stream) return;
      try {
        const codes = await detector.detect(video);
        if (codes.length) submitCode(codes[0].rawValue);
      } catch (error) {
        // A frame the detector could not read: try the next one.
      }
      window.setTimeout(tick, 250);
    };
    tick();
  }

  async function withZxing() {
    const reader = new window.ZXingBrowser.BrowserMultiFormatReader();
    controls = await reader.decodeFromVideoDevice(undefined, video, function (result) {
      if (result) submitCode(result.getText());
    });
  }

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    if (controls) controls.stop();
    stream = null;
    controls = null;
    showCamera(false);
    focusTag(false);
  }

  if (navigator.mediaDevices && (window.BarcodeDetector || window.ZXingBrowser)) {
    start.hidden = false;
    start.addEventListener("click", async function () {
      showCamera(true);
      try {
        await (window.BarcodeDetector ? withBarcodeDetector() : withZxing());
      } catch (error) {
        // BarcodeDetector without Code 128 (or refused): ZXing reads both symbologies.
        try {
          if (!window.ZXingBrowser || controls) throw error;
          await withZxing();
        } catch (fallbackError) {
          stopCamera();
        }
      }
    });
    stop.addEventListener("click", stopCamera);
  }
  focusTag(false);
})();
