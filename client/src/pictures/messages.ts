import { format, useI18n } from '../i18n';

/**
 * The picture desk's strings in English and Spanish. They follow the app's
 * language and {placeholder} format; Spanish must have exactly the English
 * keys (its type says so).
 */
const en = {
  'p.nav': 'Pictures',
  'p.desk.title': 'Picture desk',
  'p.desk.edition': 'Issue',
  'p.desk.allEditions': 'All pictures',
  'p.desk.empty': 'No pictures here yet. Drop some above.',
  'p.desk.noCaption': 'No caption yet',
  'p.desk.open': 'Format {name}',

  'p.state.new': 'New',
  'p.state.formatted': 'Formatted',
  'p.state.placed': 'Placed',

  'p.upload.drop': 'Drop pictures here, or',
  'p.upload.choose': 'choose files',
  'p.upload.hint': 'JPEG, PNG, WebP, AVIF or TIFF, up to {mb} MB each. Location and camera data are removed on arrival.',
  'p.upload.progress': 'Uploading {name}',
  'p.upload.done': '{name} is in.',
  'p.upload.failed': '{name}: {reason}',
  'p.upload.network': 'the connection broke off. Try again.',

  'p.editor.back': 'Back to the picture desk',
  'p.editor.title': 'Format picture',
  'p.editor.loading': 'Loading the picture…',
  'p.editor.tools': 'Tool',
  'p.editor.toolCrop': 'Crop',
  'p.editor.toolBlurRect': 'Blur rectangle',
  'p.editor.toolBlurEllipse': 'Blur ellipse',
  'p.editor.toolFocal': 'Focal point',
  'p.editor.canvasHelp': 'Drag on the picture to crop it or to draw a blur region; click to set the focal point.',
  'p.editor.preview': 'Picture with crop and blur regions',
  'p.editor.rotateLeft': 'Turn left',
  'p.editor.rotateRight': 'Turn right',
  'p.editor.flipH': 'Mirror left–right',
  'p.editor.flipV': 'Mirror top–bottom',
  'p.editor.grayscale': 'Black and white',
  'p.editor.tone': 'Newsprint tone',
  'p.editor.dotGain': 'Dot gain compensation: {value}%',
  'p.editor.sharpen': 'Sharpening: {value}',
  'p.editor.frame': 'Print frame',
  'p.editor.columns': 'Columns',
  'p.editor.columnsN': '{count} columns ({pt} pt wide)',
  'p.editor.column1': '1 column ({pt} pt wide)',
  'p.editor.height': 'Frame height in points',
  'p.editor.heightFree': 'Free crop (height follows the crop)',
  'p.editor.fitCrop': 'Crop to the frame',
  'p.editor.clearCrop': 'Remove crop',
  'p.editor.blurList': 'Blur regions',
  'p.editor.blurNone': 'No blur regions. Blur every face that has not agreed to appear.',
  'p.editor.blurItem': '{shape} {n}',
  'p.editor.shapeRect': 'Rectangle',
  'p.editor.shapeEllipse': 'Ellipse',
  'p.editor.removeBlur': 'Remove {name}',
  'p.editor.undo': 'Undo',
  'p.editor.redo': 'Redo',
  'p.editor.saving': 'Saving…',
  'p.editor.saved': 'Saved',

  'p.texts.title': 'Caption and credit',
  'p.texts.captionEn': 'Caption (English)',
  'p.texts.captionEs': 'Caption (Spanish)',
  'p.texts.creditEn': 'Credit (English)',
  'p.texts.creditEs': 'Credit (Spanish)',
  'p.texts.creditHint': 'A byline such as "Photo: Ana / Red Flag", never a name the photographer did not choose.',
  'p.texts.consent': 'Consent note',
  'p.texts.consentHint': 'Who agreed to appear, and how; who must stay unrecognisable.',
  'p.texts.state': 'State',
  'p.texts.save': 'Save caption and credit',
  'p.texts.saved': 'Caption and credit saved.',

  'p.print.title': 'Print rendition',
  'p.print.show': 'Show the print rendition',
  'p.print.size': '{width} × {height} pixels: {wpt} × {hpt} pt at 300 ppi',
  'p.print.alt': 'Print rendition of the picture',
  'p.print.ink': 'Black ink only',

  'p.tasks.title': 'Picture tasks',
  'p.tasks.heldBy': 'held by {names}',
  'p.tasks.open': 'nobody has taken it yet',
  'p.tasks.learning': 'learning: {names}',

  'p.article.title': 'Pictures for this article',
  'p.article.none': 'No pictures for this article yet.',
} as const;

export type PicturesKey = keyof typeof en;

const es: Record<PicturesKey, string> = {
  'p.nav': 'Fotos',
  'p.desk.title': 'Mesa de fotos',
  'p.desk.edition': 'Número',
  'p.desk.allEditions': 'Todas las fotos',
  'p.desk.empty': 'Aún no hay fotos aquí. Suelta algunas arriba.',
  'p.desk.noCaption': 'Sin pie de foto',
  'p.desk.open': 'Preparar {name}',

  'p.state.new': 'Nueva',
  'p.state.formatted': 'Preparada',
  'p.state.placed': 'Colocada',

  'p.upload.drop': 'Suelta fotos aquí, o',
  'p.upload.choose': 'elige archivos',
  'p.upload.hint': 'JPEG, PNG, WebP, AVIF o TIFF, hasta {mb} MB cada una. Los datos de ubicación y de cámara se borran al llegar.',
  'p.upload.progress': 'Subiendo {name}',
  'p.upload.done': '{name} ya está.',
  'p.upload.failed': '{name}: {reason}',
  'p.upload.network': 'se cortó la conexión. Inténtalo de nuevo.',

  'p.editor.back': 'Volver a la mesa de fotos',
  'p.editor.title': 'Preparar foto',
  'p.editor.loading': 'Cargando la foto…',
  'p.editor.tools': 'Herramienta',
  'p.editor.toolCrop': 'Recortar',
  'p.editor.toolBlurRect': 'Difuminar rectángulo',
  'p.editor.toolBlurEllipse': 'Difuminar elipse',
  'p.editor.toolFocal': 'Punto focal',
  'p.editor.canvasHelp': 'Arrastra sobre la foto para recortarla o para dibujar una zona difuminada; haz clic para fijar el punto focal.',
  'p.editor.preview': 'Foto con recorte y zonas difuminadas',
  'p.editor.rotateLeft': 'Girar a la izquierda',
  'p.editor.rotateRight': 'Girar a la derecha',
  'p.editor.flipH': 'Reflejar izquierda–derecha',
  'p.editor.flipV': 'Reflejar arriba–abajo',
  'p.editor.grayscale': 'Blanco y negro',
  'p.editor.tone': 'Tono para papel prensa',
  'p.editor.dotGain': 'Compensación de ganancia de punto: {value} %',
  'p.editor.sharpen': 'Enfoque: {value}',
  'p.editor.frame': 'Marco de impresión',
  'p.editor.columns': 'Columnas',
  'p.editor.columnsN': '{count} columnas ({pt} pt de ancho)',
  'p.editor.column1': '1 columna ({pt} pt de ancho)',
  'p.editor.height': 'Alto del marco en puntos',
  'p.editor.heightFree': 'Recorte libre (el alto sigue al recorte)',
  'p.editor.fitCrop': 'Recortar al marco',
  'p.editor.clearCrop': 'Quitar el recorte',
  'p.editor.blurList': 'Zonas difuminadas',
  'p.editor.blurNone': 'No hay zonas difuminadas. Difumina toda cara que no haya aceptado aparecer.',
  'p.editor.blurItem': '{shape} {n}',
  'p.editor.shapeRect': 'Rectángulo',
  'p.editor.shapeEllipse': 'Elipse',
  'p.editor.removeBlur': 'Quitar {name}',
  'p.editor.undo': 'Deshacer',
  'p.editor.redo': 'Rehacer',
  'p.editor.saving': 'Guardando…',
  'p.editor.saved': 'Guardado',

  'p.texts.title': 'Pie de foto y crédito',
  'p.texts.captionEn': 'Pie de foto (inglés)',
  'p.texts.captionEs': 'Pie de foto (castellano)',
  'p.texts.creditEn': 'Crédito (inglés)',
  'p.texts.creditEs': 'Crédito (castellano)',
  'p.texts.creditHint': 'Una firma como «Foto: Ana / Bandera Roja», nunca un nombre que la persona no haya elegido.',
  'p.texts.consent': 'Nota de consentimiento',
  'p.texts.consentHint': 'Quién aceptó aparecer y cómo; quién debe quedar irreconocible.',
  'p.texts.state': 'Estado',
  'p.texts.save': 'Guardar pie y crédito',
  'p.texts.saved': 'Pie y crédito guardados.',

  'p.print.title': 'Versión para imprenta',
  'p.print.show': 'Ver la versión para imprenta',
  'p.print.size': '{width} × {height} píxeles: {wpt} × {hpt} pt a 300 ppp',
  'p.print.alt': 'Versión para imprenta de la foto',
  'p.print.ink': 'Solo tinta negra',

  'p.tasks.title': 'Tareas de esta foto',
  'p.tasks.heldBy': 'a cargo de {names}',
  'p.tasks.open': 'nadie la ha tomado todavía',
  'p.tasks.learning': 'aprendiendo: {names}',

  'p.article.title': 'Fotos de este artículo',
  'p.article.none': 'Este artículo aún no tiene fotos.',
};

export type PicturesText = (key: PicturesKey, vars?: Record<string, string | number>) => string;

export function usePicturesText(): { t: PicturesText; lang: 'en' | 'es' } {
  const { lang } = useI18n();
  const messages: Record<PicturesKey, string> = lang === 'es' ? es : en;
  return { t: (key, vars) => format(messages[key], vars), lang };
}

export const PICTURES_MESSAGES = { en, es };
